# a single message attribute in the CLI's shorthand syntax
Q=$(aws sqs create-queue --queue-name attrs-short --query QueueUrl --output text)
aws sqs send-message --queue-url "$Q" --message-body "hello" --message-attributes 'greeting={DataType=String,StringValue=hi}'
aws sqs receive-message --queue-url "$Q" --message-attribute-names greeting --query 'Messages[0].[MessageAttributes,MD5OfMessageAttributes]'

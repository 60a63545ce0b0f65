# message attribute values: a Number must be numeric, a String must not be empty, the type must be String, Number or Binary
Q=$(aws sqs create-queue --queue-name attrs-values --query QueueUrl --output text)
aws sqs send-message --queue-url "$Q" --message-body "m" --message-attributes '{"n":{"DataType":"Number","StringValue":"twelve"}}'
aws sqs send-message --queue-url "$Q" --message-body "m" --message-attributes '{"s":{"DataType":"String","StringValue":""}}'
aws sqs send-message --queue-url "$Q" --message-body "m" --message-attributes '{"t":{"DataType":"Text","StringValue":"x"}}'
aws sqs send-message --queue-url "$Q" --message-body "m" --message-attributes '{"n":{"DataType":"Number.int","StringValue":"-12"}}' --query 'sort(keys(@))'
aws sqs get-queue-attributes --queue-url "$Q" --attribute-names ApproximateNumberOfMessages

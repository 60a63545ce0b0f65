# --output text and --query shape the output as the AWS CLI does.
aws sqs create-queue --queue-name t --output text
aws sqs send-message --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/t --message-body "first" --output text
aws sqs send-message --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/t --message-body "second" --output text
aws sqs receive-message --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/t --max-number-of-messages 10 --attribute-names ApproximateReceiveCount --output text --query 'Messages[].[Body,Attributes.ApproximateReceiveCount]'
aws sqs get-queue-attributes --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/t --attribute-names VisibilityTimeout DelaySeconds --output text
aws sqs get-queue-attributes --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/t --attribute-names All --query 'Attributes.QueueArn' --output text
aws sqs receive-message --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/t --output text
aws sqs receive-message --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/t --query 'Messages[].Body' --output text
B=$(aws sqs get-queue-url --queue-name t --query QueueUrl --output text)
echo "url is $B"
export N=3
echo "${N} messages" && echo chained
aws sqs get-queue-url --queue-name nope && echo "not printed"

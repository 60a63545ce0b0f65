# maxReceiveCount receives are allowed; the next receive moves the message to the DLQ.
aws sqs create-queue --queue-name orders-dlq
aws sqs create-queue --queue-name orders --attributes VisibilityTimeout=1
aws sqs set-queue-attributes --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/orders --attributes '{"RedrivePolicy":"{\"deadLetterTargetArn\":\"arn:aws:sqs:us-east-1:123456789012:orders-dlq\",\"maxReceiveCount\":\"3\"}"}'
aws sqs get-queue-attributes --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/orders --attribute-names RedrivePolicy
aws sqs send-message --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/orders --message-body "poison pill"
aws sqs receive-message --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/orders --query 'Messages[0].Body'
sleep 2
aws sqs receive-message --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/orders --query 'Messages[0].Body'
sleep 2
aws sqs receive-message --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/orders --query 'Messages[0].Body'
sleep 2
aws sqs receive-message --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/orders --query 'Messages[0].Body'
aws sqs receive-message --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/orders-dlq --attribute-names ApproximateReceiveCount --query 'Messages[0].[Body,Attributes.ApproximateReceiveCount]'
aws sqs set-queue-attributes --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/orders --attributes '{"RedrivePolicy":"{\"deadLetterTargetArn\":\"arn:aws:sqs:us-east-1:123456789012:orders-dlq\",\"maxReceiveCount\":\"1001\"}"}'

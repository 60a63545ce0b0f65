aws sqs create-queue --queue-name dlq --query QueueUrl --output text
aws sqs list-dead-letter-source-queues --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/dlq --output "$FORMAT"
aws sqs create-queue --queue-name work --attributes '{"RedrivePolicy":"{\"deadLetterTargetArn\":\"arn:aws:sqs:us-east-1:123456789012:dlq\",\"maxReceiveCount\":\"1\"}"}' --query QueueUrl --output text
aws sqs list-dead-letter-source-queues --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/dlq --output "$FORMAT"

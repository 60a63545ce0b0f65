aws sqs create-queue --queue-name q --query QueueUrl --output text
aws sqs purge-queue --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/q --output "$FORMAT"

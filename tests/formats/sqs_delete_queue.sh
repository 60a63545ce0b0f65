aws sqs create-queue --queue-name gone --query QueueUrl --output text
aws sqs delete-queue --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/gone --output "$FORMAT"
aws sqs delete-queue --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/gone --output "$FORMAT"

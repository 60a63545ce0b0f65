aws sqs create-queue --queue-name tagged --query QueueUrl --output text
aws sqs tag-queue --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/tagged --tags owner=ana --output "$FORMAT"
aws sqs list-queue-tags --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/tagged --output "$FORMAT"

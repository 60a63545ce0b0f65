aws sqs create-queue --queue-name tagged --tags team=payments,env=dev --query QueueUrl --output text
aws sqs list-queue-tags --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/tagged --output "$FORMAT"
aws sqs create-queue --queue-name plain --query QueueUrl --output text
aws sqs list-queue-tags --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/plain --output "$FORMAT"

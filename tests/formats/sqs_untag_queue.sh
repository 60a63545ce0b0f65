aws sqs create-queue --queue-name tagged --tags owner=ana,env=dev --query QueueUrl --output text
aws sqs untag-queue --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/tagged --tag-keys owner --output "$FORMAT"
aws sqs list-queue-tags --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/tagged --output "$FORMAT"

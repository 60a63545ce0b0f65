# Success exits 0, even when there is nothing to print.
aws sqs create-queue --queue-name q --query "length(@)"
aws sqs delete-queue --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/q

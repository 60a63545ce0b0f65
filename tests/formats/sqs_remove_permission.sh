aws sqs create-queue --queue-name perm --query QueueUrl --output text
aws sqs add-permission --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/perm --label share --aws-account-ids 111122223333 --actions SendMessage
aws sqs remove-permission --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/perm --label share --output "$FORMAT"
aws sqs remove-permission --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/perm --label share --output "$FORMAT"

# add-permission prints nothing; the policy it wrote is one long JSON string.
aws sqs create-queue --queue-name perm --query QueueUrl --output text
aws sqs add-permission --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/perm --label share --aws-account-ids 111122223333 --actions SendMessage ReceiveMessage --output "$FORMAT"
aws sqs get-queue-attributes --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/perm --attribute-names Policy --output "$FORMAT"

# tag-queue adds or overwrites tags, untag-queue removes keys, list-queue-tags shows them
Q=$(aws sqs create-queue --queue-name tagged --query QueueUrl --output text)
aws sqs tag-queue --queue-url "$Q" --tags team=payments,env=test,cost=42
aws sqs list-queue-tags --queue-url "$Q"
aws sqs tag-queue --queue-url "$Q" --tags env=prod
aws sqs untag-queue --queue-url "$Q" --tag-keys cost no-such-key
aws sqs list-queue-tags --queue-url "$Q"
aws sqs list-queue-tags --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/missing

# a standard queue refuses MessageDeduplicationId and stores nothing
Q=$(aws sqs create-queue --queue-name plain --query QueueUrl --output text)
aws sqs send-message --queue-url "$Q" --message-body "hi" --message-deduplication-id d1
aws sqs get-queue-attributes --queue-url "$Q" --attribute-names ApproximateNumberOfMessages

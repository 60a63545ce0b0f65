# a standard queue accepts MessageGroupId (fair queues): no SequenceNumber, no deduplication, the group id comes back as a system attribute
Q=$(aws sqs create-queue --queue-name tenants --query QueueUrl --output text)
aws sqs send-message --queue-url "$Q" --message-body "job" --message-group-id tenant-1
aws sqs send-message --queue-url "$Q" --message-body "job" --message-group-id tenant-1
aws sqs get-queue-attributes --queue-url "$Q" --attribute-names ApproximateNumberOfMessages
aws sqs receive-message --queue-url "$Q" --max-number-of-messages 10 --message-system-attribute-names MessageGroupId --query 'Messages[].[Body,Attributes]'

# FIFO: while a message of a group is in flight, the rest of that group waits; other groups do not
Q=$(aws sqs create-queue --queue-name lock.fifo --attributes FifoQueue=true,ContentBasedDeduplication=true --query QueueUrl --output text)
aws sqs send-message --queue-url "$Q" --message-body "a1" --message-group-id A
aws sqs send-message --queue-url "$Q" --message-body "a2" --message-group-id A
aws sqs receive-message --queue-url "$Q" --query 'Messages[].Body'
aws sqs receive-message --queue-url "$Q" --max-number-of-messages 10 --query 'Messages[].Body'
aws sqs send-message --queue-url "$Q" --message-body "b1" --message-group-id B
aws sqs receive-message --queue-url "$Q" --max-number-of-messages 10 --query 'Messages[].Body'
aws sqs get-queue-attributes --queue-url "$Q" --attribute-names ApproximateNumberOfMessages ApproximateNumberOfMessagesNotVisible

# FIFO: every message needs a MessageGroupId
Q=$(aws sqs create-queue --queue-name grp.fifo --attributes FifoQueue=true,ContentBasedDeduplication=true --query QueueUrl --output text)
aws sqs send-message --queue-url "$Q" --message-body "no group"
aws sqs send-message --queue-url "$Q" --message-body "with group" --message-group-id g
aws sqs get-queue-attributes --queue-url "$Q" --attribute-names ApproximateNumberOfMessages

# FIFO with DeduplicationScope=messageGroup: the same deduplication id in two groups is two messages
Q=$(aws sqs create-queue --queue-name ht.fifo --attributes FifoQueue=true,DeduplicationScope=messageGroup,FifoThroughputLimit=perMessageGroupId --query QueueUrl --output text)
aws sqs get-queue-attributes --queue-url "$Q" --attribute-names DeduplicationScope FifoThroughputLimit
A=$(aws sqs send-message --queue-url "$Q" --message-body "x" --message-group-id g1 --message-deduplication-id d1 --query MessageId --output text)
aws sqs send-message --queue-url "$Q" --message-body "x" --message-group-id g2 --message-deduplication-id d1 --query "MessageId == '$A'"
aws sqs send-message --queue-url "$Q" --message-body "x" --message-group-id g1 --message-deduplication-id d1 --query "MessageId == '$A'"
aws sqs get-queue-attributes --queue-url "$Q" --attribute-names ApproximateNumberOfMessages

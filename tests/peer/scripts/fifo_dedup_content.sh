# FIFO with ContentBasedDeduplication: the SHA-256 of the body is the deduplication id, across groups; an explicit id wins
Q=$(aws sqs create-queue --queue-name cbd.fifo --attributes FifoQueue=true,ContentBasedDeduplication=true --query QueueUrl --output text)
A=$(aws sqs send-message --queue-url "$Q" --message-body "hello" --message-group-id g1 --query MessageId --output text)
aws sqs send-message --queue-url "$Q" --message-body "hello" --message-group-id g2 --query "MessageId == '$A'"
aws sqs send-message --queue-url "$Q" --message-body "hello" --message-group-id g1 --message-deduplication-id explicit --query "MessageId == '$A'"
aws sqs send-message --queue-url "$Q" --message-body "hello!" --message-group-id g1 --query "MessageId == '$A'"
aws sqs get-queue-attributes --queue-url "$Q" --attribute-names ApproximateNumberOfMessages

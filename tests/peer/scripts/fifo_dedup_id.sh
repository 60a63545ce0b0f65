# FIFO: a second send with the same deduplication id is accepted, returns the first MessageId, and stores nothing
Q=$(aws sqs create-queue --queue-name pay.fifo --attributes FifoQueue=true --query QueueUrl --output text)
A=$(aws sqs send-message --queue-url "$Q" --message-body "charge 10" --message-group-id card --message-deduplication-id tx-1 --query MessageId --output text)
aws sqs send-message --queue-url "$Q" --message-body "charge 10 again" --message-group-id card --message-deduplication-id tx-1 --query "MessageId == '$A'"
aws sqs send-message --queue-url "$Q" --message-body "charge 20" --message-group-id card --message-deduplication-id tx-2 --query "MessageId == '$A'"
aws sqs get-queue-attributes --queue-url "$Q" --attribute-names ApproximateNumberOfMessages
aws sqs receive-message --queue-url "$Q" --max-number-of-messages 10 --query 'Messages[].Body'

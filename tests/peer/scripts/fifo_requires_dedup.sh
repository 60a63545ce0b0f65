# FIFO without ContentBasedDeduplication: a message needs an explicit MessageDeduplicationId
Q=$(aws sqs create-queue --queue-name dd.fifo --attributes FifoQueue=true --query QueueUrl --output text)
aws sqs send-message --queue-url "$Q" --message-body "no id" --message-group-id g
aws sqs set-queue-attributes --queue-url "$Q" --attributes ContentBasedDeduplication=true
aws sqs send-message --queue-url "$Q" --message-body "no id" --message-group-id g
aws sqs get-queue-attributes --queue-url "$Q" --attribute-names ApproximateNumberOfMessages ContentBasedDeduplication

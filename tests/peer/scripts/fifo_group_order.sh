# FIFO: the messages of one group come back in the order they were sent
Q=$(aws sqs create-queue --queue-name orders.fifo --attributes FifoQueue=true --query QueueUrl --output text)
aws sqs send-message --queue-url "$Q" --message-body "step 1" --message-group-id order-7 --message-deduplication-id s1
aws sqs send-message --queue-url "$Q" --message-body "step 2" --message-group-id order-7 --message-deduplication-id s2
aws sqs send-message --queue-url "$Q" --message-body "step 3" --message-group-id order-7 --message-deduplication-id s3
aws sqs send-message --queue-url "$Q" --message-body "step 4" --message-group-id order-7 --message-deduplication-id s4
aws sqs receive-message --queue-url "$Q" --max-number-of-messages 10 --query 'Messages[].Body'

# FIFO: DelaySeconds per message is refused; the queue's own DelaySeconds applies to every message
Q=$(aws sqs create-queue --queue-name slow.fifo --attributes FifoQueue=true,ContentBasedDeduplication=true,DelaySeconds=5 --query QueueUrl --output text)
aws sqs send-message --queue-url "$Q" --message-body "now" --message-group-id g --delay-seconds 2
aws sqs send-message --queue-url "$Q" --message-body "later" --message-group-id g
aws sqs receive-message --queue-url "$Q" --query 'Messages[].Body'
sleep 6
aws sqs receive-message --queue-url "$Q" --query 'Messages[].Body'

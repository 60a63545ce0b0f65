# FIFO: a message whose visibility timeout runs out comes back, with a higher receive count, before the next one of its group
Q=$(aws sqs create-queue --queue-name retry.fifo --attributes FifoQueue=true,ContentBasedDeduplication=true,VisibilityTimeout=5 --query QueueUrl --output text)
aws sqs send-message --queue-url "$Q" --message-body "first" --message-group-id g
aws sqs send-message --queue-url "$Q" --message-body "second" --message-group-id g
aws sqs receive-message --queue-url "$Q" --attribute-names ApproximateReceiveCount --query 'Messages[].[Body,Attributes.ApproximateReceiveCount]'
sleep 6
aws sqs receive-message --queue-url "$Q" --attribute-names ApproximateReceiveCount --query 'Messages[].[Body,Attributes.ApproximateReceiveCount]'
sleep 6
R=$(aws sqs receive-message --queue-url "$Q" --query 'Messages[0].ReceiptHandle' --output text)
aws sqs receive-message --queue-url "$Q" --max-number-of-messages 10 --query 'Messages[].Body'
aws sqs delete-message --queue-url "$Q" --receipt-handle "$R"
aws sqs receive-message --queue-url "$Q" --attribute-names ApproximateReceiveCount --query 'Messages[].[Body,Attributes.ApproximateReceiveCount]'

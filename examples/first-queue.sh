aws sqs create-queue --queue-name orders --attributes VisibilityTimeout=5
Q=$(aws sqs get-queue-url --queue-name orders --query QueueUrl --output text)
aws sqs send-message --queue-url "$Q" --message-body "Sold a coffee"
aws sqs receive-message --queue-url "$Q" --attribute-names ApproximateReceiveCount
sleep 6   # virtual: no real waiting; the visibility timeout runs out
aws sqs receive-message --queue-url "$Q" --attribute-names All --query 'Messages[0].Attributes.ApproximateReceiveCount'
aws sqs get-queue-url --queue-name no-such-queue

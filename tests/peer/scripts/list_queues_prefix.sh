# list-queues --queue-name-prefix: a case-sensitive name prefix
aws sqs create-queue --queue-name order-events
aws sqs create-queue --queue-name orders
aws sqs create-queue --queue-name orders-dlq
aws sqs create-queue --queue-name billing
aws sqs list-queues --queue-name-prefix order --query 'sort(QueueUrls)'
aws sqs list-queues --queue-name-prefix orders- --query 'QueueUrls'
aws sqs list-queues --queue-name-prefix Order --query 'length(QueueUrls || `[]`)'
aws sqs list-queues --query 'length(QueueUrls)'

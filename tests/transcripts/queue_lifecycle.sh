# Create is idempotent for equal attributes; names cannot be reused for 60 s after delete.
aws sqs create-queue --queue-name orders --attributes VisibilityTimeout=45
aws sqs create-queue --queue-name orders --attributes VisibilityTimeout=45
aws sqs create-queue --queue-name orders
aws sqs create-queue --queue-name orders --attributes VisibilityTimeout=46
aws sqs create-queue --queue-name orders-dlq
aws sqs create-queue --queue-name invoices
aws sqs list-queues
aws sqs list-queues --queue-name-prefix orders --output text
aws sqs get-queue-url --queue-name invoices
aws sqs delete-queue --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/invoices
aws sqs get-queue-url --queue-name invoices
aws sqs create-queue --queue-name invoices
sleep 61
aws sqs create-queue --queue-name invoices
aws sqs delete-queue --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/never-created

# the dead-letter queue of a FIFO queue must be FIFO, and that of a standard queue must be standard
aws sqs create-queue --queue-name std-dlq
aws sqs create-queue --queue-name fifo-dlq.fifo --attributes FifoQueue=true
aws sqs create-queue --queue-name work.fifo --attributes '{"FifoQueue":"true","RedrivePolicy":"{\"deadLetterTargetArn\":\"arn:aws:sqs:us-east-1:123456789012:std-dlq\",\"maxReceiveCount\":\"3\"}"}'
aws sqs create-queue --queue-name work --attributes '{"RedrivePolicy":"{\"deadLetterTargetArn\":\"arn:aws:sqs:us-east-1:123456789012:fifo-dlq.fifo\",\"maxReceiveCount\":\"3\"}"}'
aws sqs create-queue --queue-name work.fifo --attributes '{"FifoQueue":"true","RedrivePolicy":"{\"deadLetterTargetArn\":\"arn:aws:sqs:us-east-1:123456789012:fifo-dlq.fifo\",\"maxReceiveCount\":\"3\"}"}'
aws sqs get-queue-attributes --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/work.fifo --attribute-names RedrivePolicy

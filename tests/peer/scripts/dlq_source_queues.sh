# list-dead-letter-source-queues lists the queues whose RedrivePolicy targets this queue
aws sqs create-queue --queue-name shared-dlq
aws sqs create-queue --queue-name lonely
aws sqs create-queue --queue-name billing --attributes '{"RedrivePolicy":"{\"deadLetterTargetArn\":\"arn:aws:sqs:us-east-1:123456789012:shared-dlq\",\"maxReceiveCount\":\"5\"}"}'
aws sqs create-queue --queue-name shipping --attributes '{"RedrivePolicy":"{\"deadLetterTargetArn\":\"arn:aws:sqs:us-east-1:123456789012:shared-dlq\",\"maxReceiveCount\":\"2\"}"}'
aws sqs list-dead-letter-source-queues --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/shared-dlq --query 'sort(queueUrls)'
aws sqs list-dead-letter-source-queues --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/lonely
aws sqs list-dead-letter-source-queues --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/nowhere

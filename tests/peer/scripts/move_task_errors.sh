# move tasks: the source must be some queue's DLQ, the destination must exist, a task handle must be valid
aws sqs create-queue --queue-name me-plain
aws sqs create-queue --queue-name me-dlq
aws sqs create-queue --queue-name me-src --attributes '{"RedrivePolicy":"{\"deadLetterTargetArn\":\"arn:aws:sqs:us-east-1:123456789012:me-dlq\",\"maxReceiveCount\":\"3\"}"}'
aws sqs start-message-move-task --source-arn arn:aws:sqs:us-east-1:123456789012:me-plain
aws sqs start-message-move-task --source-arn arn:aws:sqs:us-east-1:123456789012:me-dlq --destination-arn arn:aws:sqs:us-east-1:123456789012:me-gone
aws sqs cancel-message-move-task --task-handle foobared
aws sqs list-message-move-tasks --source-arn arn:aws:sqs:us-east-1:123456789012:me-dlq --query 'length(Results || `[]`)'

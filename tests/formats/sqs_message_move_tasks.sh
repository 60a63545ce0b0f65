# start-message-move-task, list-message-move-tasks and cancel-message-move-task.
aws sqs create-queue --queue-name dlq --query QueueUrl --output text
aws sqs create-queue --queue-name work --attributes '{"RedrivePolicy":"{\"deadLetterTargetArn\":\"arn:aws:sqs:us-east-1:123456789012:dlq\",\"maxReceiveCount\":\"1\"}"}' --query QueueUrl --output text
aws sqs send-message-batch --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/dlq --entries Id=1,MessageBody=a Id=2,MessageBody=b Id=3,MessageBody=c --query 'length(Successful)' --output text
H=$(aws sqs start-message-move-task --source-arn arn:aws:sqs:us-east-1:123456789012:dlq --max-number-of-messages-per-second 1 --query TaskHandle --output text)
aws sqs list-message-move-tasks --source-arn arn:aws:sqs:us-east-1:123456789012:dlq --output "$FORMAT"
aws sqs cancel-message-move-task --task-handle "$H" --output "$FORMAT"
aws sqs start-message-move-task --source-arn arn:aws:sqs:us-east-1:123456789012:dlq --output "$FORMAT"

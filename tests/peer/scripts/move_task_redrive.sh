# start-message-move-task without a destination redrives a DLQ's messages back to their source queue
aws sqs create-queue --queue-name redrive-dlq
Q=$(aws sqs create-queue --queue-name redrive-src --attributes '{"VisibilityTimeout":"1","RedrivePolicy":"{\"deadLetterTargetArn\":\"arn:aws:sqs:us-east-1:123456789012:redrive-dlq\",\"maxReceiveCount\":\"1\"}"}' --query QueueUrl --output text)
aws sqs send-message --queue-url "$Q" --message-body "job 1" --query 'sort(keys(@))'
aws sqs send-message --queue-url "$Q" --message-body "job 2" --query 'sort(keys(@))'
aws sqs receive-message --queue-url "$Q" --max-number-of-messages 10 --query 'length(Messages)'
sleep 2
aws sqs receive-message --queue-url "$Q" --max-number-of-messages 10 --query 'Messages'
aws sqs get-queue-attributes --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/redrive-dlq --attribute-names ApproximateNumberOfMessages
aws sqs start-message-move-task --source-arn arn:aws:sqs:us-east-1:123456789012:redrive-dlq
sleep 10
aws sqs list-message-move-tasks --source-arn arn:aws:sqs:us-east-1:123456789012:redrive-dlq --query 'Results[].[Status,SourceArn,DestinationArn,ApproximateNumberOfMessagesMoved,ApproximateNumberOfMessagesToMove,TaskHandle]'
aws sqs get-queue-attributes --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/redrive-dlq --attribute-names ApproximateNumberOfMessages
aws sqs receive-message --queue-url "$Q" --max-number-of-messages 10 --query 'sort(Messages[].Body)'

# start-message-move-task with a DestinationArn moves a DLQ's messages to that queue, at the rate asked for
aws sqs create-queue --queue-name md-dlq
Q=$(aws sqs create-queue --queue-name md-src --attributes '{"VisibilityTimeout":"1","RedrivePolicy":"{\"deadLetterTargetArn\":\"arn:aws:sqs:us-east-1:123456789012:md-dlq\",\"maxReceiveCount\":\"1\"}"}' --query QueueUrl --output text)
D=$(aws sqs create-queue --queue-name md-replay --query QueueUrl --output text)
aws sqs send-message-batch --queue-url "$Q" --entries Id=a,MessageBody=a Id=b,MessageBody=b Id=c,MessageBody=c --query 'length(Successful)'
aws sqs receive-message --queue-url "$Q" --max-number-of-messages 10 --query 'length(Messages)'
sleep 2
aws sqs receive-message --queue-url "$Q" --max-number-of-messages 10 --query 'Messages'
aws sqs start-message-move-task --source-arn arn:aws:sqs:us-east-1:123456789012:md-dlq --destination-arn arn:aws:sqs:us-east-1:123456789012:md-replay --max-number-of-messages-per-second 1
sleep 10
aws sqs list-message-move-tasks --source-arn arn:aws:sqs:us-east-1:123456789012:md-dlq --query 'Results[].[Status,DestinationArn,MaxNumberOfMessagesPerSecond,ApproximateNumberOfMessagesMoved,ApproximateNumberOfMessagesToMove]'
aws sqs receive-message --queue-url "$D" --max-number-of-messages 10 --query 'sort(Messages[].Body)'

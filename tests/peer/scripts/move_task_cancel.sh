# cancel-message-move-task stops a running task; a second task on the same source is refused while one runs
aws sqs create-queue --queue-name mc-dlq
Q=$(aws sqs create-queue --queue-name mc-src --attributes '{"VisibilityTimeout":"1","RedrivePolicy":"{\"deadLetterTargetArn\":\"arn:aws:sqs:us-east-1:123456789012:mc-dlq\",\"maxReceiveCount\":\"1\"}"}' --query QueueUrl --output text)
aws sqs send-message-batch --queue-url "$Q" --entries Id=m1,MessageBody=1 Id=m2,MessageBody=2 Id=m3,MessageBody=3 Id=m4,MessageBody=4 Id=m5,MessageBody=5 Id=m6,MessageBody=6 Id=m7,MessageBody=7 Id=m8,MessageBody=8 Id=m9,MessageBody=9 Id=m10,MessageBody=10 --query 'length(Successful)'
aws sqs receive-message --queue-url "$Q" --max-number-of-messages 10 --query 'length(Messages)'
sleep 2
aws sqs receive-message --queue-url "$Q" --max-number-of-messages 10 --query 'Messages'
T=$(aws sqs start-message-move-task --source-arn arn:aws:sqs:us-east-1:123456789012:mc-dlq --max-number-of-messages-per-second 1 --query TaskHandle --output text)
aws sqs start-message-move-task --source-arn arn:aws:sqs:us-east-1:123456789012:mc-dlq
aws sqs list-message-move-tasks --source-arn arn:aws:sqs:us-east-1:123456789012:mc-dlq --query 'Results[].[Status,MaxNumberOfMessagesPerSecond,ApproximateNumberOfMessagesToMove]'
aws sqs cancel-message-move-task --task-handle "$T" --query 'sort(keys(@))'
sleep 5
aws sqs list-message-move-tasks --source-arn arn:aws:sqs:us-east-1:123456789012:mc-dlq --query 'Results[].[Status,TaskHandle]'

# Shorthand and JSON option values: every malformed one is refused before anything is
# sent, with the AWS CLI's message (parameter errors exit 252, bad numbers and base64 255).
U=https://sqs.us-east-1.amazonaws.com/123456789012/params
aws sqs send-message-batch --queue-url $U --entries Id=a,MessageBody
aws sqs send-message-batch --queue-url $U --entries Id=a,MessageBody=x Id
aws sqs send-message-batch --queue-url $U --entries '[{"Id":"a"'
aws sqs send-message-batch --queue-url $U --entries Id=a,Id=b
aws sqs send-message-batch --queue-url $U --entries Id=a,MessageBody=x,DelaySeconds=soon
aws sqs send-message-batch --queue-url $U --entries '{"Id":"a","MessageBody":"x"}' Id=b,MessageBody=y
aws sqs send-message-batch --queue-url $U --entries '[{"Id":"a","MessageBody":"x","DelaySeconds":"3","Colour":"red"}]'
aws sqs send-message-batch --queue-url $U --entries 'Id=a,MessageBody="x, y",MessageAttributes={k={DataType=String}}' Id=b
aws sqs send-message --queue-url $U --message-body hi --message-attributes 'color={StringValue=red}'
aws sqs send-message --queue-url $U --message-body hi --message-attributes 'blob={DataType=Binary,BinaryValue=not-base64!}'
aws sqs send-message --queue-url $U --message-body hi --message-attributes 'a={DataType=String,StringValue=x}' --message-system-attributes 'AWSTraceHeader={DataType=String,StringValue=[1,2]}'
aws sqs send-message --queue-url $U --message-body hi --cli-binary-format hex
aws sqs receive-message --queue-url $U --wait-time-seconds 1.5
aws sqs change-message-visibility-batch --queue-url $U --entries Id=1,ReceiptHandle=r,VisibilityTimeout=[1,2]
aws sqs delete-message-batch --queue-url $U --entries 'Id=1,ReceiptHandle="r'
aws sqs delete-message-batch --queue-url $U --entries Id=1,ReceiptHandle=r,Extra=x Id=2
aws sqs create-queue --queue-name params --tags '{"team": 1}'
aws sqs tag-queue --queue-url $U --tags team
aws sqs tag-queue --queue-url $U --tags 'team=[red,blue]'
aws sqs untag-queue --queue-url $U
aws sqs add-permission --queue-url $U --label l --aws-account-ids 111122223333
aws sqs list-dead-letter-source-queues --queue-url $U --max-items many
aws sqs list-message-move-tasks
aws sqs cancel-message-move-task --task-handle
aws sqs send-mesage --queue-url $U
aws sqs start-message-move-task --source-arn arn:aws:sqs:us-east-1:123456789012:params --max-number-of-messages-per-second fast

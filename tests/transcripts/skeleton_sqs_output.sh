# --generate-cli-skeleton output: the options are checked, then a made-up response is
# printed as the real one would be (nothing is called). ReceiveMessage's fails the
# model check on its blob placeholders, as in the AWS CLI.
A=arn:aws:sqs:us-east-1:123456789012:q
U=https://sqs.us-east-1.amazonaws.com/123456789012/q
T=arn:aws:sns:us-east-1:123456789012:t
echo '== add-permission'
aws sqs add-permission --queue-url $U --label l --aws-account-ids 1 --actions a --generate-cli-skeleton output
echo '== cancel-message-move-task'
aws sqs cancel-message-move-task --task-handle h --generate-cli-skeleton output
echo '== change-message-visibility'
aws sqs change-message-visibility --queue-url $U --receipt-handle r --visibility-timeout 1 --generate-cli-skeleton output
echo '== change-message-visibility-batch'
aws sqs change-message-visibility-batch --queue-url $U --entries Id=1,ReceiptHandle=r --generate-cli-skeleton output
echo '== create-queue'
aws sqs create-queue --queue-name q --generate-cli-skeleton output
echo '== delete-message'
aws sqs delete-message --queue-url $U --receipt-handle r --generate-cli-skeleton output
echo '== delete-message-batch'
aws sqs delete-message-batch --queue-url $U --entries Id=1,ReceiptHandle=r --generate-cli-skeleton output
echo '== delete-queue'
aws sqs delete-queue --queue-url $U --generate-cli-skeleton output
echo '== get-queue-attributes'
aws sqs get-queue-attributes --queue-url $U --generate-cli-skeleton output
echo '== get-queue-url'
aws sqs get-queue-url --queue-name q --generate-cli-skeleton output
echo '== list-dead-letter-source-queues'
aws sqs list-dead-letter-source-queues --queue-url $U --generate-cli-skeleton output
echo '== list-message-move-tasks'
aws sqs list-message-move-tasks --source-arn $A --generate-cli-skeleton output
echo '== list-queue-tags'
aws sqs list-queue-tags --queue-url $U --generate-cli-skeleton output
echo '== list-queues'
aws sqs list-queues --generate-cli-skeleton output
echo '== purge-queue'
aws sqs purge-queue --queue-url $U --generate-cli-skeleton output
echo '== receive-message'
aws sqs receive-message --queue-url $U --generate-cli-skeleton output
echo '== remove-permission'
aws sqs remove-permission --queue-url $U --label l --generate-cli-skeleton output
echo '== send-message'
aws sqs send-message --queue-url $U --message-body b --generate-cli-skeleton output
echo '== send-message-batch'
aws sqs send-message-batch --queue-url $U --entries Id=1,MessageBody=b --generate-cli-skeleton output
echo '== set-queue-attributes'
aws sqs set-queue-attributes --queue-url $U --attributes a=b --generate-cli-skeleton output
echo '== start-message-move-task'
aws sqs start-message-move-task --source-arn $A --generate-cli-skeleton output
echo '== tag-queue'
aws sqs tag-queue --queue-url $U --tags a=b --generate-cli-skeleton output
echo '== untag-queue'
aws sqs untag-queue --queue-url $U --tag-keys a --generate-cli-skeleton output

# --generate-cli-skeleton (input, the default) for every SQS operation: the request
# template --cli-input-json takes, as the AWS CLI prints it (enums: their first value).
echo '== add-permission'
aws sqs add-permission --generate-cli-skeleton
echo '== cancel-message-move-task'
aws sqs cancel-message-move-task --generate-cli-skeleton
echo '== change-message-visibility'
aws sqs change-message-visibility --generate-cli-skeleton
echo '== change-message-visibility-batch'
aws sqs change-message-visibility-batch --generate-cli-skeleton
echo '== create-queue'
aws sqs create-queue --generate-cli-skeleton
echo '== delete-message'
aws sqs delete-message --generate-cli-skeleton
echo '== delete-message-batch'
aws sqs delete-message-batch --generate-cli-skeleton
echo '== delete-queue'
aws sqs delete-queue --generate-cli-skeleton
echo '== get-queue-attributes'
aws sqs get-queue-attributes --generate-cli-skeleton
echo '== get-queue-url'
aws sqs get-queue-url --generate-cli-skeleton
echo '== list-dead-letter-source-queues'
aws sqs list-dead-letter-source-queues --generate-cli-skeleton
echo '== list-message-move-tasks'
aws sqs list-message-move-tasks --generate-cli-skeleton
echo '== list-queue-tags'
aws sqs list-queue-tags --generate-cli-skeleton
echo '== list-queues'
aws sqs list-queues --generate-cli-skeleton
echo '== purge-queue'
aws sqs purge-queue --generate-cli-skeleton
echo '== receive-message'
aws sqs receive-message --generate-cli-skeleton
echo '== remove-permission'
aws sqs remove-permission --generate-cli-skeleton
echo '== send-message'
aws sqs send-message --generate-cli-skeleton
echo '== send-message-batch'
aws sqs send-message-batch --generate-cli-skeleton
echo '== set-queue-attributes'
aws sqs set-queue-attributes --generate-cli-skeleton
echo '== start-message-move-task'
aws sqs start-message-move-task --generate-cli-skeleton
echo '== tag-queue'
aws sqs tag-queue --generate-cli-skeleton
echo '== untag-queue'
aws sqs untag-queue --generate-cli-skeleton

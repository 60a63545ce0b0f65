aws sqs create-queue --queue-name should-not-exist
aws sqs list-queues | jq .

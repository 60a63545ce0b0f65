# One line sends 1,000 messages; the queue then holds them all.
QueueUrl=$(aws sqs create-queue --queue-name bulk --query QueueUrl --output text)
for i in {1..1000}; do X=$(aws sqs send-message --queue-url "$QueueUrl" --message-body "message $i"); done
aws sqs get-queue-attributes --queue-url "$QueueUrl" --attribute-names ApproximateNumberOfMessages
i=0; while [ $i -lt 500 ]; do i=$((i + 1)); OUT=$(aws sqs send-message --queue-url "$QueueUrl" --message-body "more $i"); done
aws sqs get-queue-attributes --queue-url "$QueueUrl" --attribute-names ApproximateNumberOfMessages --query Attributes.ApproximateNumberOfMessages --output text

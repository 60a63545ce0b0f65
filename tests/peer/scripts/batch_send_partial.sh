# one bad entry fails alone: it is listed in Failed with SenderFault, the others are sent
Q=$(aws sqs create-queue --queue-name batch-part --query QueueUrl --output text)
aws sqs send-message-batch --queue-url "$Q" --entries '[{"Id":"ok","MessageBody":"fine"},{"Id":"late","MessageBody":"too late","DelaySeconds":901},{"Id":"ok2","MessageBody":"also fine"}]'
aws sqs get-queue-attributes --queue-url "$Q" --attribute-names ApproximateNumberOfMessages

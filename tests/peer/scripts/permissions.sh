# add-permission writes statements into the queue's Policy; remove-permission takes one out by label
Q=$(aws sqs create-queue --queue-name shared --query QueueUrl --output text)
aws sqs add-permission --queue-url "$Q" --label send-only --aws-account-ids 111122223333 --actions SendMessage
aws sqs add-permission --queue-url "$Q" --label consumers --aws-account-ids 444455556666 777788889999 --actions ReceiveMessage DeleteMessage
aws sqs get-queue-attributes --queue-url "$Q" --attribute-names Policy
aws sqs add-permission --queue-url "$Q" --label send-only --aws-account-ids 111122223333 --actions SendMessage
aws sqs remove-permission --queue-url "$Q" --label send-only
aws sqs get-queue-attributes --queue-url "$Q" --attribute-names Policy
aws sqs remove-permission --queue-url "$Q" --label no-such-label

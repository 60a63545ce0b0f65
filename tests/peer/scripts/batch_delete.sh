# delete-message-batch: good handles succeed, a bad handle fails alone with ReceiptHandleIsInvalid
Q=$(aws sqs create-queue --queue-name batch-del --query QueueUrl --output text)
aws sqs send-message --queue-url "$Q" --message-body one --query 'sort(keys(@))'
aws sqs send-message --queue-url "$Q" --message-body two --query 'sort(keys(@))'
R1=$(aws sqs receive-message --queue-url "$Q" --query 'Messages[0].ReceiptHandle' --output text)
R2=$(aws sqs receive-message --queue-url "$Q" --query 'Messages[0].ReceiptHandle' --output text)
aws sqs delete-message-batch --queue-url "$Q" --entries "Id=first,ReceiptHandle=$R1" "Id=second,ReceiptHandle=$R2" "Id=bogus,ReceiptHandle=not-a-handle"
aws sqs get-queue-attributes --queue-url "$Q" --attribute-names ApproximateNumberOfMessages ApproximateNumberOfMessagesNotVisible

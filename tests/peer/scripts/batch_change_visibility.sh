# change-message-visibility-batch: a good handle is changed, a bad handle fails alone
Q=$(aws sqs create-queue --queue-name batch-vis --query QueueUrl --output text)
aws sqs send-message --queue-url "$Q" --message-body "again" --query 'sort(keys(@))'
R=$(aws sqs receive-message --queue-url "$Q" --query 'Messages[0].ReceiptHandle' --output text)
aws sqs receive-message --queue-url "$Q" --query 'Messages[].Body'
aws sqs change-message-visibility-batch --queue-url "$Q" --entries "Id=now,ReceiptHandle=$R,VisibilityTimeout=0" "Id=bogus,ReceiptHandle=not-a-handle,VisibilityTimeout=0"
sleep 1
aws sqs receive-message --queue-url "$Q" --attribute-names ApproximateReceiveCount --query 'Messages[].[Body,Attributes.ApproximateReceiveCount]'

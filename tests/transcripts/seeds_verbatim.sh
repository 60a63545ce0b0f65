# The AWS CLI lines of the course material, pasted as the pages show them: with the `$ `
# prompt, and with the stray spaces a Markdown line break leaves after a backslash.
# Placeholders such as <queue-url> are filled in with the variables below, as a learner would.
$ aws sqs create-queue --queue-name url2png
QueueUrl=$(aws sqs get-queue-url --queue-name url2png --query QueueUrl --output text)
aws sqs send-message --queue-url "$QueueUrl" \  
  --message-body "I bought a coffee for Alice" \  
  --profile default
$ aws sqs get-queue-attributes \
   --queue-url "$QueueUrl" \
   --attribute-names ApproximateNumberOfMessages
aws sqs receive-message --queue-url "$QueueUrl" --visibility-timeout 0 --query 'Messages[0].Body' --output text
ReceiptHandle=$(aws sqs receive-message --queue-url "$QueueUrl" --query 'Messages[0].ReceiptHandle' --output text)
aws sqs delete-message --queue-url "$QueueUrl" --receipt-handle "$ReceiptHandle"
TopicArn=$(aws sns create-topic --name coffee-orders --query TopicArn --output text)
aws sns subscribe --topic-arn "$TopicArn" --protocol sqs --notification-endpoint "$(aws sqs get-queue-attributes --queue-url "$QueueUrl" --attribute-names QueueArn --query Attributes.QueueArn --output text)"
aws sns publish --topic-arn "$TopicArn" \  
--message "Latte for Alice"
$ aws sqs get-queue-attributes \
   --queue-url "$QueueUrl" \
   --attribute-names ApproximateNumberOfMessages
$ aws sqs delete-queue --queue-url "$QueueUrl"

# send-message-batch with shorthand entries and with JSON entries; each Successful entry has its Id
Q=$(aws sqs create-queue --queue-name batch --query QueueUrl --output text)
aws sqs send-message-batch --queue-url "$Q" --entries Id=a,MessageBody=apple Id=b,MessageBody=banana
aws sqs send-message-batch --queue-url "$Q" --entries '[{"Id":"c","MessageBody":"cherry","MessageAttributes":{"kind":{"DataType":"String","StringValue":"fruit"}}},{"Id":"d","MessageBody":"date","DelaySeconds":30}]'
aws sqs get-queue-attributes --queue-url "$Q" --attribute-names ApproximateNumberOfMessages ApproximateNumberOfMessagesDelayed
aws sqs receive-message --queue-url "$Q" --max-number-of-messages 10 --query 'sort(Messages[].Body)'

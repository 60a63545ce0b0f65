# message attributes of each data type: MD5OfMessageAttributes on send, the attributes on receive
Q=$(aws sqs create-queue --queue-name attrs --query QueueUrl --output text)
aws sqs send-message --queue-url "$Q" --message-body "order placed" --message-attributes '{"customer":{"DataType":"String","StringValue":"alice"},"total":{"DataType":"Number","StringValue":"42.50"},"blob":{"DataType":"Binary","BinaryValue":"AQID"},"region":{"DataType":"String.code","StringValue":"eu-1"}}'
aws sqs receive-message --queue-url "$Q" --message-attribute-names All

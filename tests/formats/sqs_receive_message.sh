# A message with system and message attributes, a multi-line one with unicode, then none.
aws sqs create-queue --queue-name q --query QueueUrl --output text
aws sqs send-message --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/q --message-body 'order 42' --message-attributes '{"color":{"DataType":"String","StringValue":"red"},"blob":{"DataType":"Binary","BinaryValue":"aGk="}}' --query MessageId --output text
aws sqs receive-message --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/q --attribute-names All --message-attribute-names All --output "$FORMAT"
aws sqs send-message --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/q --message-body 'line one
line two: café 中文 ✓' --query MessageId --output text
aws sqs receive-message --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/q --output "$FORMAT"
aws sqs receive-message --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/q --output "$FORMAT"

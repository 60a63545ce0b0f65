aws sqs create-queue --queue-name q --query QueueUrl --output text
aws sqs send-message --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/q --message-body hello --output "$FORMAT"
aws sqs send-message --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/q --message-body 'with attributes' --message-attributes '{"color":{"DataType":"String","StringValue":"red"},"n":{"DataType":"Number","StringValue":"7"}}' --output "$FORMAT"
aws sqs create-queue --queue-name q.fifo --attributes FifoQueue=true --query QueueUrl --output text
aws sqs send-message --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/q.fifo --message-body first --message-group-id g --message-deduplication-id d1 --output "$FORMAT"
aws sqs send-message --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/q --message-body '' --output "$FORMAT"

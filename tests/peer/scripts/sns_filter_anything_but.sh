# filter policy anything-but: a list of strings and a prefix; a message without the attribute does not match
aws sns create-topic --name f-but
aws sqs create-queue --queue-name f-but-q
aws sns subscribe --topic-arn arn:aws:sns:us-east-1:123456789012:f-but --protocol sqs --notification-endpoint arn:aws:sqs:us-east-1:123456789012:f-but-q --attributes '{"RawMessageDelivery":"true","FilterPolicy":"{\"status\":[{\"anything-but\":[\"cancelled\",\"refunded\"]}],\"sku\":[{\"anything-but\":{\"prefix\":\"test-\"}}]}"}'
aws sns publish --topic-arn arn:aws:sns:us-east-1:123456789012:f-but --message paid-real --message-attributes '{"status":{"DataType":"String","StringValue":"paid"},"sku":{"DataType":"String","StringValue":"real-1"}}'
aws sns publish --topic-arn arn:aws:sns:us-east-1:123456789012:f-but --message cancelled-real --message-attributes '{"status":{"DataType":"String","StringValue":"cancelled"},"sku":{"DataType":"String","StringValue":"real-1"}}'
aws sns publish --topic-arn arn:aws:sns:us-east-1:123456789012:f-but --message paid-test --message-attributes '{"status":{"DataType":"String","StringValue":"paid"},"sku":{"DataType":"String","StringValue":"test-1"}}'
aws sns publish --topic-arn arn:aws:sns:us-east-1:123456789012:f-but --message shipped-real --message-attributes '{"status":{"DataType":"String","StringValue":"shipped"},"sku":{"DataType":"String","StringValue":"real-2"}}'
aws sns publish --topic-arn arn:aws:sns:us-east-1:123456789012:f-but --message no-status --message-attributes '{"sku":{"DataType":"String","StringValue":"real-3"}}'
aws sqs receive-message --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/f-but-q --max-number-of-messages 10 --wait-time-seconds 1 --query 'sort(Messages[].Body)'

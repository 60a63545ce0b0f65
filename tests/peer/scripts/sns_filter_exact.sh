# filter policy on message attributes, exact values: a string from a list and a number; a message without the attribute is filtered out
aws sns create-topic --name f-exact
aws sqs create-queue --queue-name f-exact-q
aws sns subscribe --topic-arn arn:aws:sns:us-east-1:123456789012:f-exact --protocol sqs --notification-endpoint arn:aws:sqs:us-east-1:123456789012:f-exact-q --attributes '{"RawMessageDelivery":"true","FilterPolicy":"{\"colour\":[\"red\",\"blue\"],\"size\":[10]}"}'
aws sns publish --topic-arn arn:aws:sns:us-east-1:123456789012:f-exact --message red-10 --message-attributes '{"colour":{"DataType":"String","StringValue":"red"},"size":{"DataType":"Number","StringValue":"10"}}'
aws sns publish --topic-arn arn:aws:sns:us-east-1:123456789012:f-exact --message blue-10 --message-attributes '{"colour":{"DataType":"String","StringValue":"blue"},"size":{"DataType":"Number","StringValue":"10"}}'
aws sns publish --topic-arn arn:aws:sns:us-east-1:123456789012:f-exact --message green-10 --message-attributes '{"colour":{"DataType":"String","StringValue":"green"},"size":{"DataType":"Number","StringValue":"10"}}'
aws sns publish --topic-arn arn:aws:sns:us-east-1:123456789012:f-exact --message red-11 --message-attributes '{"colour":{"DataType":"String","StringValue":"red"},"size":{"DataType":"Number","StringValue":"11"}}'
aws sns publish --topic-arn arn:aws:sns:us-east-1:123456789012:f-exact --message Red-10 --message-attributes '{"colour":{"DataType":"String","StringValue":"Red"},"size":{"DataType":"Number","StringValue":"10"}}'
aws sns publish --topic-arn arn:aws:sns:us-east-1:123456789012:f-exact --message red-only --message-attributes '{"colour":{"DataType":"String","StringValue":"red"}}'
aws sns publish --topic-arn arn:aws:sns:us-east-1:123456789012:f-exact --message no-attributes
aws sqs receive-message --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/f-exact-q --max-number-of-messages 10 --wait-time-seconds 1 --query 'sort(Messages[].Body)'

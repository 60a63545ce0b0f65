# filter policy operators on strings: prefix and suffix (attribute scope)
aws sns create-topic --name f-prefix
aws sqs create-queue --queue-name f-prefix-q
aws sns subscribe --topic-arn arn:aws:sns:us-east-1:123456789012:f-prefix --protocol sqs --notification-endpoint arn:aws:sqs:us-east-1:123456789012:f-prefix-q --attributes '{"RawMessageDelivery":"true","FilterPolicy":"{\"region\":[{\"prefix\":\"eu-\"}],\"file\":[{\"suffix\":\".png\"}]}"}'
aws sns publish --topic-arn arn:aws:sns:us-east-1:123456789012:f-prefix --message eu-west-png --message-attributes '{"region":{"DataType":"String","StringValue":"eu-west-1"},"file":{"DataType":"String","StringValue":"cat.png"}}'
aws sns publish --topic-arn arn:aws:sns:us-east-1:123456789012:f-prefix --message eu-central-png --message-attributes '{"region":{"DataType":"String","StringValue":"eu-central-1"},"file":{"DataType":"String","StringValue":"dog.png"}}'
aws sns publish --topic-arn arn:aws:sns:us-east-1:123456789012:f-prefix --message us-east-png --message-attributes '{"region":{"DataType":"String","StringValue":"us-east-1"},"file":{"DataType":"String","StringValue":"cat.png"}}'
aws sns publish --topic-arn arn:aws:sns:us-east-1:123456789012:f-prefix --message eu-west-jpg --message-attributes '{"region":{"DataType":"String","StringValue":"eu-west-1"},"file":{"DataType":"String","StringValue":"cat.jpg"}}'
aws sns publish --topic-arn arn:aws:sns:us-east-1:123456789012:f-prefix --message EU-west-png --message-attributes '{"region":{"DataType":"String","StringValue":"EU-west-1"},"file":{"DataType":"String","StringValue":"cat.png"}}'
aws sqs receive-message --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/f-prefix-q --max-number-of-messages 10 --wait-time-seconds 1 --query 'sort(Messages[].Body)'

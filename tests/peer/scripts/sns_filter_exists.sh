# filter policy exists: true needs the attribute, false needs it absent (whatever its value)
aws sns create-topic --name f-exists
aws sqs create-queue --queue-name f-exists-q
aws sns subscribe --topic-arn arn:aws:sns:us-east-1:123456789012:f-exists --protocol sqs --notification-endpoint arn:aws:sqs:us-east-1:123456789012:f-exists-q --attributes '{"RawMessageDelivery":"true","FilterPolicy":"{\"customer\":[{\"exists\":true}],\"test\":[{\"exists\":false}]}"}'
aws sns publish --topic-arn arn:aws:sns:us-east-1:123456789012:f-exists --message customer-only --message-attributes '{"customer":{"DataType":"String","StringValue":"alice"}}'
aws sns publish --topic-arn arn:aws:sns:us-east-1:123456789012:f-exists --message customer-and-test --message-attributes '{"customer":{"DataType":"String","StringValue":"bob"},"test":{"DataType":"String","StringValue":"false"}}'
aws sns publish --topic-arn arn:aws:sns:us-east-1:123456789012:f-exists --message nothing
aws sns publish --topic-arn arn:aws:sns:us-east-1:123456789012:f-exists --message numeric-customer --message-attributes '{"customer":{"DataType":"Number","StringValue":"7"}}'
aws sqs receive-message --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/f-exists-q --max-number-of-messages 10 --wait-time-seconds 1 --query 'sort(Messages[].Body)'

# --message-structure json: the sqs key is what an sqs subscriber gets, "default" is required, and the message must be a JSON object
aws sns create-topic --name structured
aws sqs create-queue --queue-name structured-q
aws sns subscribe --topic-arn arn:aws:sns:us-east-1:123456789012:structured --protocol sqs --notification-endpoint arn:aws:sqs:us-east-1:123456789012:structured-q --attributes RawMessageDelivery=true
aws sns publish --topic-arn arn:aws:sns:us-east-1:123456789012:structured --message-structure json --message '{"default":"for everyone","sqs":"for queues","email":"for people"}'
aws sns publish --topic-arn arn:aws:sns:us-east-1:123456789012:structured --message-structure json --message '{"default":"only default"}'
aws sns publish --topic-arn arn:aws:sns:us-east-1:123456789012:structured --message-structure json --message '{"sqs":"no default"}'
aws sns publish --topic-arn arn:aws:sns:us-east-1:123456789012:structured --message-structure json --message 'not json'
aws sns publish --topic-arn arn:aws:sns:us-east-1:123456789012:structured --message-structure xml --message '{"default":"x"}'
aws sqs receive-message --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/structured-q --max-number-of-messages 10 --wait-time-seconds 1 --query 'sort(Messages[].Body)'

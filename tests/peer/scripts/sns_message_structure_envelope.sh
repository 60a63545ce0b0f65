# --message-structure json to a non-raw sqs subscription: the envelope's Message is the "sqs" value
aws sns create-topic --name structured-env
aws sqs create-queue --queue-name structured-env-q
aws sns subscribe --topic-arn arn:aws:sns:us-east-1:123456789012:structured-env --protocol sqs --notification-endpoint arn:aws:sqs:us-east-1:123456789012:structured-env-q
aws sns publish --topic-arn arn:aws:sns:us-east-1:123456789012:structured-env --message-structure json --message '{"default":"for everyone","sqs":"{\"for\":\"queues\"}"}'
aws sqs receive-message --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/structured-env-q --wait-time-seconds 1 --query 'Messages[0].Body' --output text

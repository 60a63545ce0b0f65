# switching RawMessageDelivery on an existing subscription changes how the next message is delivered
aws sns create-topic --name switch
aws sqs create-queue --queue-name switch-q
S=$(aws sns subscribe --topic-arn arn:aws:sns:us-east-1:123456789012:switch --protocol sqs --notification-endpoint arn:aws:sqs:us-east-1:123456789012:switch-q --query SubscriptionArn --output text)
aws sns publish --topic-arn arn:aws:sns:us-east-1:123456789012:switch --message first
aws sqs receive-message --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/switch-q --wait-time-seconds 1 --query 'Messages[0].Body' --output text
aws sns set-subscription-attributes --subscription-arn "$S" --attribute-name RawMessageDelivery --attribute-value true
aws sns publish --topic-arn arn:aws:sns:us-east-1:123456789012:switch --message second
aws sqs receive-message --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/switch-q --wait-time-seconds 1 --query 'Messages[0].Body' --output text

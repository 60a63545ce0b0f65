# subscribing the same endpoint twice returns the same subscription ARN (one subscription, one delivery); different attributes are refused
aws sns create-topic --name twice
aws sqs create-queue --queue-name twice-q
S=$(aws sns subscribe --topic-arn arn:aws:sns:us-east-1:123456789012:twice --protocol sqs --notification-endpoint arn:aws:sqs:us-east-1:123456789012:twice-q --query SubscriptionArn --output text)
aws sns subscribe --topic-arn arn:aws:sns:us-east-1:123456789012:twice --protocol sqs --notification-endpoint arn:aws:sqs:us-east-1:123456789012:twice-q --query "SubscriptionArn == '$S'"
aws sns subscribe --topic-arn arn:aws:sns:us-east-1:123456789012:twice --protocol sqs --notification-endpoint arn:aws:sqs:us-east-1:123456789012:twice-q --attributes RawMessageDelivery=true
aws sns list-subscriptions-by-topic --topic-arn arn:aws:sns:us-east-1:123456789012:twice --query 'length(Subscriptions)'
aws sns publish --topic-arn arn:aws:sns:us-east-1:123456789012:twice --message once
aws sqs get-queue-attributes --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/twice-q --attribute-names ApproximateNumberOfMessages

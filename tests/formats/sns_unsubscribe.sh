aws sns create-topic --name orders --query TopicArn --output text
aws sqs create-queue --queue-name inbox --query QueueUrl --output text
S=$(aws sns subscribe --topic-arn arn:aws:sns:us-east-1:123456789012:orders --protocol sqs --notification-endpoint arn:aws:sqs:us-east-1:123456789012:inbox --query SubscriptionArn --output text)
aws sns unsubscribe --subscription-arn "$S" --output "$FORMAT"
aws sns list-subscriptions --output "$FORMAT"

# Two subscriptions, one pending confirmation.
aws sns list-subscriptions --output "$FORMAT"
aws sns create-topic --name orders --query TopicArn --output text
aws sqs create-queue --queue-name inbox --query QueueUrl --output text
aws sns subscribe --topic-arn arn:aws:sns:us-east-1:123456789012:orders --protocol sqs --notification-endpoint arn:aws:sqs:us-east-1:123456789012:inbox --query SubscriptionArn --output text
aws sns subscribe --topic-arn arn:aws:sns:us-east-1:123456789012:orders --protocol https --notification-endpoint https://shop.example.com/hook --query SubscriptionArn --output text
aws sns list-subscriptions --output "$FORMAT"

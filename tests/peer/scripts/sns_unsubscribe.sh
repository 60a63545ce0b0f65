# unsubscribe removes the subscription: later publishes are not delivered, its attributes are NotFound, and unsubscribing again succeeds
aws sns create-topic --name leaving
aws sqs create-queue --queue-name leaving-q
S=$(aws sns subscribe --topic-arn arn:aws:sns:us-east-1:123456789012:leaving --protocol sqs --notification-endpoint arn:aws:sqs:us-east-1:123456789012:leaving-q --attributes RawMessageDelivery=true --query SubscriptionArn --output text)
aws sns publish --topic-arn arn:aws:sns:us-east-1:123456789012:leaving --message before
aws sns unsubscribe --subscription-arn "$S"
aws sns publish --topic-arn arn:aws:sns:us-east-1:123456789012:leaving --message after
aws sqs receive-message --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/leaving-q --max-number-of-messages 10 --wait-time-seconds 1 --query 'Messages[].Body'
aws sns list-subscriptions-by-topic --topic-arn arn:aws:sns:us-east-1:123456789012:leaving
aws sns get-subscription-attributes --subscription-arn "$S"
aws sns unsubscribe --subscription-arn "$S"

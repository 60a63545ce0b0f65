# confirm-subscription with a token SNS never sent fails with InvalidParameter and leaves the subscription pending; a missing topic is NotFound
aws sns create-topic --name confirm
aws sns subscribe --topic-arn arn:aws:sns:us-east-1:123456789012:confirm --protocol https --notification-endpoint https://example.com/confirm
aws sns confirm-subscription --topic-arn arn:aws:sns:us-east-1:123456789012:confirm --token not-a-real-token
aws sns list-subscriptions-by-topic --topic-arn arn:aws:sns:us-east-1:123456789012:confirm --query 'Subscriptions[].SubscriptionArn'
aws sns get-topic-attributes --topic-arn arn:aws:sns:us-east-1:123456789012:confirm --query 'Attributes.[SubscriptionsPending,SubscriptionsConfirmed]'

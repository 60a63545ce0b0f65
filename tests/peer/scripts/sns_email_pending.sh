# an email subscription waits for confirmation: "pending confirmation" from subscribe, "PendingConfirmation" in the lists, counted in SubscriptionsPending
aws sns create-topic --name mailing
aws sns subscribe --topic-arn arn:aws:sns:us-east-1:123456789012:mailing --protocol email --notification-endpoint someone@example.com
aws sns list-subscriptions-by-topic --topic-arn arn:aws:sns:us-east-1:123456789012:mailing
aws sns list-subscriptions --query 'Subscriptions[].[Protocol,Endpoint,SubscriptionArn]'
aws sns get-topic-attributes --topic-arn arn:aws:sns:us-east-1:123456789012:mailing --query 'Attributes.[SubscriptionsPending,SubscriptionsConfirmed]'
aws sns publish --topic-arn arn:aws:sns:us-east-1:123456789012:mailing --message 'nobody confirmed yet'

# list-subscriptions shows every topic's subscriptions, list-subscriptions-by-topic one topic's (Endpoint, Owner, Protocol, SubscriptionArn, TopicArn)
aws sns create-topic --name ls-a
aws sns create-topic --name ls-b
aws sqs create-queue --queue-name ls-q1
aws sqs create-queue --queue-name ls-q2
aws sns subscribe --topic-arn arn:aws:sns:us-east-1:123456789012:ls-a --protocol sqs --notification-endpoint arn:aws:sqs:us-east-1:123456789012:ls-q1 --query 'length(SubscriptionArn)'
aws sns subscribe --topic-arn arn:aws:sns:us-east-1:123456789012:ls-a --protocol sqs --notification-endpoint arn:aws:sqs:us-east-1:123456789012:ls-q2 --query 'length(SubscriptionArn)'
aws sns subscribe --topic-arn arn:aws:sns:us-east-1:123456789012:ls-b --protocol sqs --notification-endpoint arn:aws:sqs:us-east-1:123456789012:ls-q1 --query 'length(SubscriptionArn)'
aws sns list-subscriptions-by-topic --topic-arn arn:aws:sns:us-east-1:123456789012:ls-b
aws sns list-subscriptions-by-topic --topic-arn arn:aws:sns:us-east-1:123456789012:ls-a --query 'sort_by(Subscriptions, &Endpoint)[].[TopicArn,Protocol,Endpoint,Owner]'
aws sns list-subscriptions --query 'sort_by(Subscriptions, &join(`,`, [TopicArn, Endpoint]))[].[TopicArn,Endpoint]'

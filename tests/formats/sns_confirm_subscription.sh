# The token is the one the simulated endpoint received (fanout inbox shows it).
aws sns create-topic --name orders --query TopicArn --output text
aws sns subscribe --topic-arn arn:aws:sns:us-east-1:123456789012:orders --protocol https --notification-endpoint https://shop.example.com/hook --query SubscriptionArn --output text
aws sns confirm-subscription --topic-arn arn:aws:sns:us-east-1:123456789012:orders --token 65060736032bb898420d0863dca72538e5cb1bd553f29f485820e2e9368deab5 --output "$FORMAT"
aws sns confirm-subscription --topic-arn arn:aws:sns:us-east-1:123456789012:orders --token nope --output "$FORMAT"

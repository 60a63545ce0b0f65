# get-topic-attributes of a new standard topic: DisplayName, Owner, the default Policy, the subscription counters, EffectiveDeliveryPolicy, TopicArn
aws sns create-topic --name alerts --attributes DisplayName=Alerts
aws sns get-topic-attributes --topic-arn arn:aws:sns:us-east-1:123456789012:alerts

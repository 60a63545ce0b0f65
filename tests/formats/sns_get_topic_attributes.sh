# Policy and EffectiveDeliveryPolicy are long JSON strings.
aws sns create-topic --name orders --query TopicArn --output text
aws sns get-topic-attributes --topic-arn arn:aws:sns:us-east-1:123456789012:orders --output "$FORMAT"

aws sns create-topic --name orders --query TopicArn --output text
aws sns delete-topic --topic-arn arn:aws:sns:us-east-1:123456789012:orders --output "$FORMAT"

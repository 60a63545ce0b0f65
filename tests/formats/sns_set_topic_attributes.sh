aws sns create-topic --name orders --query TopicArn --output text
aws sns set-topic-attributes --topic-arn arn:aws:sns:us-east-1:123456789012:orders --attribute-name DisplayName --attribute-value 'Orders: "daily"' --output "$FORMAT"
aws sns get-topic-attributes --topic-arn arn:aws:sns:us-east-1:123456789012:orders --query Attributes.DisplayName --output "$FORMAT"

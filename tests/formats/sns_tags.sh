# tag-resource, list-tags-for-resource and untag-resource.
aws sns create-topic --name orders --query TopicArn --output text
aws sns list-tags-for-resource --resource-arn arn:aws:sns:us-east-1:123456789012:orders --output "$FORMAT"
aws sns tag-resource --resource-arn arn:aws:sns:us-east-1:123456789012:orders --tags Key=team,Value=payments Key=env,Value=dev --output "$FORMAT"
aws sns list-tags-for-resource --resource-arn arn:aws:sns:us-east-1:123456789012:orders --output "$FORMAT"
aws sns untag-resource --resource-arn arn:aws:sns:us-east-1:123456789012:orders --tag-keys env --output "$FORMAT"
aws sns list-tags-for-resource --resource-arn arn:aws:sns:us-east-1:123456789012:orders --output "$FORMAT"

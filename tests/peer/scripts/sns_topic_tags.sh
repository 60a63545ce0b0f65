# tag-resource adds or overwrites tags on a topic, untag-resource removes keys, list-tags-for-resource lists them; a missing topic is ResourceNotFound
aws sns create-topic --name tagged
aws sns list-tags-for-resource --resource-arn arn:aws:sns:us-east-1:123456789012:tagged
aws sns tag-resource --resource-arn arn:aws:sns:us-east-1:123456789012:tagged --tags Key=team,Value=payments Key=env,Value=test Key=cost,Value=42
aws sns list-tags-for-resource --resource-arn arn:aws:sns:us-east-1:123456789012:tagged --query 'sort_by(Tags, &Key)'
aws sns tag-resource --resource-arn arn:aws:sns:us-east-1:123456789012:tagged --tags Key=env,Value=prod
aws sns untag-resource --resource-arn arn:aws:sns:us-east-1:123456789012:tagged --tag-keys cost no-such-key
aws sns list-tags-for-resource --resource-arn arn:aws:sns:us-east-1:123456789012:tagged --query 'sort_by(Tags, &Key)'
aws sns tag-resource --resource-arn arn:aws:sns:us-east-1:123456789012:missing --tags Key=a,Value=b
aws sns list-tags-for-resource --resource-arn arn:aws:sns:us-east-1:123456789012:missing

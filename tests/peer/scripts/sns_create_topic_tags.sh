# tags given to create-topic are listed; creating the topic again with the same tags, a subset or none is accepted, with a new tag refused
aws sns create-topic --name billing --tags Key=team,Value=payments Key=env,Value=test
aws sns list-tags-for-resource --resource-arn arn:aws:sns:us-east-1:123456789012:billing --query 'sort_by(Tags, &Key)'
aws sns create-topic --name billing --tags Key=team,Value=payments Key=env,Value=test
aws sns create-topic --name billing --tags Key=team,Value=payments
aws sns create-topic --name billing
aws sns create-topic --name billing --tags Key=owner,Value=bob
aws sns list-tags-for-resource --resource-arn arn:aws:sns:us-east-1:123456789012:billing --query 'sort_by(Tags, &Key)'

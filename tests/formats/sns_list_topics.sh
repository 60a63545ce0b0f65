aws sns list-topics --output "$FORMAT"
aws sns create-topic --name orders --query TopicArn --output text
aws sns create-topic --name refunds --query TopicArn --output text
aws sns list-topics --output "$FORMAT"

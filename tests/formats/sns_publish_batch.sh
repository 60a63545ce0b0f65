# One entry succeeds, one has an empty message.
aws sns create-topic --name orders --query TopicArn --output text
aws sns publish-batch --topic-arn arn:aws:sns:us-east-1:123456789012:orders --publish-batch-request-entries Id=ok,Message=fine Id=empty,Message= --output "$FORMAT"

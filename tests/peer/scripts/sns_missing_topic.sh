# a topic that does not exist: publish, publish-batch, subscribe, list-subscriptions-by-topic and get-topic-attributes fail with NotFound
aws sns publish --topic-arn arn:aws:sns:us-east-1:123456789012:nowhere --message hello
aws sns publish-batch --topic-arn arn:aws:sns:us-east-1:123456789012:nowhere --publish-batch-request-entries Id=a,Message=hello
aws sns subscribe --topic-arn arn:aws:sns:us-east-1:123456789012:nowhere --protocol sqs --notification-endpoint arn:aws:sqs:us-east-1:123456789012:q
aws sns list-subscriptions-by-topic --topic-arn arn:aws:sns:us-east-1:123456789012:nowhere
aws sns get-topic-attributes --topic-arn arn:aws:sns:us-east-1:123456789012:nowhere

# delete-topic: the topic and its subscriptions go; publishing to it or reading its attributes is NotFound; deleting it again succeeds
aws sns create-topic --name doomed
aws sqs create-queue --queue-name doomed-q
aws sns subscribe --topic-arn arn:aws:sns:us-east-1:123456789012:doomed --protocol sqs --notification-endpoint arn:aws:sqs:us-east-1:123456789012:doomed-q
aws sns delete-topic --topic-arn arn:aws:sns:us-east-1:123456789012:doomed
aws sns publish --topic-arn arn:aws:sns:us-east-1:123456789012:doomed --message hello
aws sns get-topic-attributes --topic-arn arn:aws:sns:us-east-1:123456789012:doomed
aws sns delete-topic --topic-arn arn:aws:sns:us-east-1:123456789012:doomed
aws sns list-subscriptions
aws sns list-topics

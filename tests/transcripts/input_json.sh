# --cli-input-json: the request as a JSON object of API member names, inline or from a
# file; options on the command line win over its members.
fanout file write queue.json '{"QueueName": "from-file", "Attributes": {"DelaySeconds": "5"}}'
aws sqs create-queue --cli-input-json file://queue.json
aws sqs create-queue --cli-input-json '{"QueueName": "from-json"}' --queue-name from-line
aws sqs get-queue-attributes --cli-input-json '{"QueueUrl": "https://sqs.us-east-1.amazonaws.com/123456789012/from-file", "AttributeNames": ["DelaySeconds"]}'
aws sqs send-message --cli-input-json '{"QueueUrl": "https://sqs.us-east-1.amazonaws.com/123456789012/from-line", "MessageBody": "hi", "DelaySeconds": 0}' --query MD5OfMessageBody
aws sns create-topic --cli-input-json '{"Name": "orders", "Tags": [{"Key": "team", "Value": "red"}]}'
aws sns subscribe --cli-input-json '{"TopicArn": "arn:aws:sns:us-east-1:123456789012:orders", "Protocol": "sqs", "Endpoint": "arn:aws:sqs:us-east-1:123456789012:from-line", "ReturnSubscriptionArn": true}' --query 'length(SubscriptionArn)'
aws sqs list-queues

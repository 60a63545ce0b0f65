# --cli-input-json refused as the AWS CLI v2 refuses it; nothing is created.
aws sqs create-queue --cli-input-json '{"QueueName": "q2", "Colour": "red"}'
aws sqs create-queue --cli-input-json '{}'
aws sqs create-queue --cli-input-json '{"QueueName": 5, "Attributes": {"DelaySeconds": 5}}'
aws sqs send-message --cli-input-json '{"QueueUrl": "u", "MessageBody": "hi", "DelaySeconds": "5"}'
aws sqs create-queue --cli-input-json '{"QueueName":'
aws sqs create-queue --cli-input-json '[1]'
aws sqs create-queue --cli-input-json '{}' --cli-input-yaml 'QueueName: q'
aws sqs create-queue --cli-input-json
aws sns subscribe --cli-input-json '{"TopicArn": "t", "Protocol": "sqs", "ReturnSubscriptionArn": "yes"}'
aws sqs list-queues

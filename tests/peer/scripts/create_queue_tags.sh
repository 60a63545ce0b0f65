# create-queue --tags tags the new queue
aws sqs create-queue --queue-name born-tagged --tags team=search,tier=gold
aws sqs list-queue-tags --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/born-tagged
aws sqs create-queue --queue-name born-tagged-json --tags '{"owner":"ops"}'
aws sqs list-queue-tags --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/born-tagged-json --query Tags.owner

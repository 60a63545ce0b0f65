# get-queue-attributes All on a new standard queue: every attribute with its default
Q=$(aws sqs create-queue --queue-name defaults --query QueueUrl --output text)
aws sqs get-queue-attributes --queue-url "$Q" --attribute-names All

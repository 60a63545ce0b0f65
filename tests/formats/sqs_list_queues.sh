# No queues (text prints None), then three, then a page of two with the token to go on.
aws sqs list-queues --output "$FORMAT"
aws sqs create-queue --queue-name alpha --query QueueUrl --output text
aws sqs create-queue --queue-name beta --query QueueUrl --output text
aws sqs create-queue --queue-name gamma --query QueueUrl --output text
aws sqs list-queues --output "$FORMAT"
aws sqs list-queues --max-items 2 --output "$FORMAT"
aws sqs list-queues --queue-name-prefix zzz --output "$FORMAT"

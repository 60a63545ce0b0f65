aws sqs create-queue --queue-name orders --query QueueUrl --output text
aws sqs get-queue-url --queue-name orders --output "$FORMAT"
aws sqs get-queue-url --queue-name nope --output "$FORMAT"

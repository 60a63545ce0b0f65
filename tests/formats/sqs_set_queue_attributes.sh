aws sqs create-queue --queue-name work --query QueueUrl --output text
aws sqs set-queue-attributes --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/work --attributes VisibilityTimeout=60 --output "$FORMAT"
aws sqs set-queue-attributes --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/work --attributes VisibilityTimeout=99999 --output "$FORMAT"
aws sqs get-queue-attributes --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/work --attribute-names VisibilityTimeout --output "$FORMAT"

# All attributes of a queue with a dead-letter queue (RedrivePolicy is a JSON string).
aws sqs create-queue --queue-name dlq --query QueueUrl --output text
aws sqs create-queue --queue-name work --attributes '{"VisibilityTimeout":"45","RedrivePolicy":"{\"deadLetterTargetArn\":\"arn:aws:sqs:us-east-1:123456789012:dlq\",\"maxReceiveCount\":\"3\"}"}' --query QueueUrl --output text
aws sqs get-queue-attributes --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/work --attribute-names All --output "$FORMAT"
aws sqs get-queue-attributes --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/work --attribute-names VisibilityTimeout DelaySeconds --output "$FORMAT"

# A usage error exits 252.
aws sqs send-message --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/q

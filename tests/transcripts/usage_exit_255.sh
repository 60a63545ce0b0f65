# A value Python cannot read as a number exits 255.
aws sqs receive-message --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/q --max-number-of-messages ten

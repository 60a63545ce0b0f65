aws sqs create-queue --queue-name q --query QueueUrl --output text
aws sqs send-message --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/q --message-body hi --query MessageId --output text
R=$(aws sqs receive-message --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/q --query 'Messages[0].ReceiptHandle' --output text)
aws sqs change-message-visibility-batch --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/q --entries Id=good,ReceiptHandle=$R,VisibilityTimeout=10 Id=bad,ReceiptHandle=bogus,VisibilityTimeout=10 --output "$FORMAT"

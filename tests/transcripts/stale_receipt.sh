# A receipt handle from an earlier receive no longer deletes the message (it succeeds
# and does nothing); the newest handle does. Deleting twice is not an error.
aws sqs create-queue --queue-name stale --attributes VisibilityTimeout=2
aws sqs send-message --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/stale --message-body "payment 42"
OLD=$(aws sqs receive-message --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/stale --query 'Messages[0].ReceiptHandle' --output text)
sleep 3
NEW=$(aws sqs receive-message --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/stale --query 'Messages[0].ReceiptHandle' --output text)
aws sqs delete-message --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/stale --receipt-handle "$OLD"
aws sqs get-queue-attributes --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/stale --attribute-names ApproximateNumberOfMessagesNotVisible
aws sqs delete-message --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/stale --receipt-handle "$NEW"
aws sqs delete-message --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/stale --receipt-handle "$NEW"
aws sqs get-queue-attributes --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/stale --attribute-names ApproximateNumberOfMessagesNotVisible

# The total time in flight of one receive cannot pass 12 hours (43200 s).
aws sqs create-queue --queue-name cap --attributes VisibilityTimeout=43200
aws sqs send-message --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/cap --message-body "overnight batch"
RH=$(aws sqs receive-message --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/cap --query 'Messages[0].ReceiptHandle' --output text)
sleep 3600
aws sqs change-message-visibility --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/cap --receipt-handle "$RH" --visibility-timeout 39600
aws sqs change-message-visibility --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/cap --receipt-handle "$RH" --visibility-timeout 39601

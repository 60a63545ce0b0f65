# ChangeMessageVisibility: extend, release at once (0), the 12-hour cap, bad handles.
aws sqs create-queue --queue-name cv
Q=https://sqs.us-east-1.amazonaws.com/123456789012/cv
aws sqs send-message --queue-url $Q --message-body "long job"
RH=$(aws sqs receive-message --queue-url $Q --query 'Messages[0].ReceiptHandle' --output text)
aws sqs change-message-visibility --queue-url $Q --receipt-handle "$RH" --visibility-timeout 120
sleep 60
aws sqs receive-message --queue-url $Q
aws sqs change-message-visibility --queue-url $Q --receipt-handle "$RH" --visibility-timeout 0
aws sqs receive-message --queue-url $Q --attribute-names ApproximateReceiveCount --query 'Messages[0].Attributes'
aws sqs change-message-visibility --queue-url $Q --receipt-handle "$RH" --visibility-timeout 43201
aws sqs change-message-visibility --queue-url $Q --receipt-handle not-a-handle --visibility-timeout 10
aws sqs delete-message --queue-url $Q --receipt-handle not-a-handle

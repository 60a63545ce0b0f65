# Messages vanish when the retention period ends, whether visible or in flight.
aws sqs create-queue --queue-name short --attributes MessageRetentionPeriod=60,VisibilityTimeout=600
aws sqs send-message --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/short --message-body "in flight when it expires"
aws sqs receive-message --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/short --query 'Messages[0].Body'
sleep 30
aws sqs send-message --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/short --message-body "visible when it expires"
sleep 31
aws sqs get-queue-attributes --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/short --attribute-names ApproximateNumberOfMessages ApproximateNumberOfMessagesNotVisible
sleep 30
aws sqs get-queue-attributes --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/short --attribute-names ApproximateNumberOfMessages ApproximateNumberOfMessagesNotVisible

# Long polling waits on the virtual clock: it answers as soon as a message is visible,
# or empty when the wait ends.
aws sqs create-queue --queue-name lp
aws sqs receive-message --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/lp --wait-time-seconds 20
echo "empty after 20 virtual seconds"
aws sqs send-message --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/lp --message-body "arrives in 3 s" --delay-seconds 3
aws sqs receive-message --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/lp --wait-time-seconds 20 --query 'Messages[0].Body'
aws sqs set-queue-attributes --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/lp --attributes ReceiveMessageWaitTimeSeconds=5
aws sqs get-queue-attributes --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/lp --attribute-names ReceiveMessageWaitTimeSeconds
aws sqs receive-message --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/lp --wait-time-seconds 21

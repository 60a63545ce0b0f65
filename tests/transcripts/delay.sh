# Delay queues and per-message delays: delayed messages are counted apart and invisible.
aws sqs create-queue --queue-name slow --attributes DelaySeconds=10
aws sqs send-message --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/slow --message-body "queue default delay"
aws sqs send-message --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/slow --message-body "no delay" --delay-seconds 0
aws sqs send-message --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/slow --message-body "long delay" --delay-seconds 900
aws sqs get-queue-attributes --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/slow --attribute-names ApproximateNumberOfMessages ApproximateNumberOfMessagesDelayed
aws sqs receive-message --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/slow --max-number-of-messages 10 --query 'Messages[].Body'
sleep 10
aws sqs receive-message --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/slow --max-number-of-messages 10 --query 'Messages[].Body'
aws sqs send-message --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/slow --message-body "too long" --delay-seconds 901

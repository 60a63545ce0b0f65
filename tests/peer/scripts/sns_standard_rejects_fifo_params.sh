# a standard topic refuses --message-deduplication-id with InvalidParameter and delivers nothing for it
aws sns create-topic --name plain-topic
aws sqs create-queue --queue-name plain-topic-q
aws sns subscribe --topic-arn arn:aws:sns:us-east-1:123456789012:plain-topic --protocol sqs --notification-endpoint arn:aws:sqs:us-east-1:123456789012:plain-topic-q --attributes RawMessageDelivery=true
aws sns publish --topic-arn arn:aws:sns:us-east-1:123456789012:plain-topic --message dedup --message-deduplication-id d1
aws sns publish --topic-arn arn:aws:sns:us-east-1:123456789012:plain-topic --message ok
aws sqs receive-message --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/plain-topic-q --max-number-of-messages 10 --wait-time-seconds 1 --query 'Messages[].Body'

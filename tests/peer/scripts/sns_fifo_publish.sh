# FIFO topic to FIFO queue: group id and dedup id are required, the publish answers a SequenceNumber, one group arrives in order with its ids
aws sns create-topic --name trades.fifo --attributes FifoTopic=true
aws sqs create-queue --queue-name trades.fifo --attributes FifoQueue=true
aws sns subscribe --topic-arn arn:aws:sns:us-east-1:123456789012:trades.fifo --protocol sqs --notification-endpoint arn:aws:sqs:us-east-1:123456789012:trades.fifo --attributes RawMessageDelivery=true
aws sns publish --topic-arn arn:aws:sns:us-east-1:123456789012:trades.fifo --message no-group --message-deduplication-id d0
aws sns publish --topic-arn arn:aws:sns:us-east-1:123456789012:trades.fifo --message no-dedup --message-group-id acct-1
aws sns publish --topic-arn arn:aws:sns:us-east-1:123456789012:trades.fifo --message buy --message-group-id acct-1 --message-deduplication-id d1
aws sns publish --topic-arn arn:aws:sns:us-east-1:123456789012:trades.fifo --message sell --message-group-id acct-1 --message-deduplication-id d2
aws sns publish --topic-arn arn:aws:sns:us-east-1:123456789012:trades.fifo --message hold --message-group-id acct-1 --message-deduplication-id d3
aws sqs receive-message --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/trades.fifo --max-number-of-messages 10 --wait-time-seconds 1 --message-system-attribute-names MessageGroupId MessageDeduplicationId --query 'Messages[].[Body,Attributes]'

# FIFO topic dedup: a repeated MessageDeduplicationId is accepted with the first MessageId and delivered once; content-based dedup uses the body's SHA-256 as the id
aws sns create-topic --name dedup.fifo --attributes FifoTopic=true,ContentBasedDeduplication=true
aws sqs create-queue --queue-name dedup.fifo --attributes FifoQueue=true
aws sns subscribe --topic-arn arn:aws:sns:us-east-1:123456789012:dedup.fifo --protocol sqs --notification-endpoint arn:aws:sqs:us-east-1:123456789012:dedup.fifo --attributes RawMessageDelivery=true
A=$(aws sns publish --topic-arn arn:aws:sns:us-east-1:123456789012:dedup.fifo --message first --message-group-id g --message-deduplication-id same --query MessageId --output text)
aws sns publish --topic-arn arn:aws:sns:us-east-1:123456789012:dedup.fifo --message second --message-group-id g --message-deduplication-id same --query "MessageId == '$A'"
aws sns publish --topic-arn arn:aws:sns:us-east-1:123456789012:dedup.fifo --message repeated --message-group-id g
aws sns publish --topic-arn arn:aws:sns:us-east-1:123456789012:dedup.fifo --message repeated --message-group-id g
aws sns publish --topic-arn arn:aws:sns:us-east-1:123456789012:dedup.fifo --message distinct --message-group-id g
aws sqs receive-message --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/dedup.fifo --max-number-of-messages 10 --wait-time-seconds 1 --message-system-attribute-names MessageDeduplicationId --query 'Messages[].[Body,Attributes.MessageDeduplicationId]'

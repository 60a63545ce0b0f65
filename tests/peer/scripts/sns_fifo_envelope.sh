# a FIFO topic's envelope carries SequenceNumber and no signature fields; the SQS message keeps the group and dedup ids
aws sns create-topic --name events.fifo --attributes FifoTopic=true
aws sqs create-queue --queue-name events.fifo --attributes FifoQueue=true
aws sns subscribe --topic-arn arn:aws:sns:us-east-1:123456789012:events.fifo --protocol sqs --notification-endpoint arn:aws:sqs:us-east-1:123456789012:events.fifo
aws sns publish --topic-arn arn:aws:sns:us-east-1:123456789012:events.fifo --message created --message-group-id g1 --message-deduplication-id e1 --subject 'new event'
aws sqs receive-message --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/events.fifo --wait-time-seconds 1 --message-system-attribute-names MessageGroupId MessageDeduplicationId --query 'Messages[0].[Body,Attributes]'

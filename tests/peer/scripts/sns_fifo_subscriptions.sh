# queue types: a FIFO queue cannot subscribe to a standard topic (InvalidParameter); a FIFO topic accepts a FIFO queue and a standard queue
aws sns create-topic --name std-topic
aws sns create-topic --name fifo-topic.fifo --attributes FifoTopic=true
aws sqs create-queue --queue-name std-q
aws sqs create-queue --queue-name fifo-q.fifo --attributes FifoQueue=true
aws sns subscribe --topic-arn arn:aws:sns:us-east-1:123456789012:std-topic --protocol sqs --notification-endpoint arn:aws:sqs:us-east-1:123456789012:fifo-q.fifo
aws sns subscribe --topic-arn arn:aws:sns:us-east-1:123456789012:fifo-topic.fifo --protocol sqs --notification-endpoint arn:aws:sqs:us-east-1:123456789012:fifo-q.fifo --query 'length(SubscriptionArn)'
aws sns subscribe --topic-arn arn:aws:sns:us-east-1:123456789012:fifo-topic.fifo --protocol sqs --notification-endpoint arn:aws:sqs:us-east-1:123456789012:std-q --query 'length(SubscriptionArn)'
aws sns publish --topic-arn arn:aws:sns:us-east-1:123456789012:fifo-topic.fifo --message both --message-group-id g --message-deduplication-id b1
aws sqs get-queue-attributes --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/std-q --attribute-names ApproximateNumberOfMessages
aws sqs get-queue-attributes --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/fifo-q.fifo --attribute-names ApproximateNumberOfMessages

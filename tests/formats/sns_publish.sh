aws sns create-topic --name orders --query TopicArn --output text
aws sns publish --topic-arn arn:aws:sns:us-east-1:123456789012:orders --message 'order 1' --output "$FORMAT"
aws sns create-topic --name orders.fifo --attributes FifoTopic=true --query TopicArn --output text
aws sns publish --topic-arn arn:aws:sns:us-east-1:123456789012:orders.fifo --message 'order 2' --message-group-id g --message-deduplication-id d --output "$FORMAT"

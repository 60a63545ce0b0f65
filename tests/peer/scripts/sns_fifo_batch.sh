# publish-batch to a FIFO topic: every entry needs a MessageGroupId; successful entries answer a SequenceNumber and keep their order
aws sns create-topic --name fbatch.fifo --attributes FifoTopic=true,ContentBasedDeduplication=true
aws sqs create-queue --queue-name fbatch.fifo --attributes FifoQueue=true
aws sns subscribe --topic-arn arn:aws:sns:us-east-1:123456789012:fbatch.fifo --protocol sqs --notification-endpoint arn:aws:sqs:us-east-1:123456789012:fbatch.fifo --attributes RawMessageDelivery=true
aws sns publish-batch --topic-arn arn:aws:sns:us-east-1:123456789012:fbatch.fifo --publish-batch-request-entries Id=1,Message=one,MessageGroupId=g Id=2,Message=two,MessageGroupId=g Id=3,Message=three,MessageGroupId=g
aws sns publish-batch --topic-arn arn:aws:sns:us-east-1:123456789012:fbatch.fifo --publish-batch-request-entries Id=4,Message=four
aws sqs receive-message --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/fbatch.fifo --max-number-of-messages 10 --wait-time-seconds 1 --query 'Messages[].Body'

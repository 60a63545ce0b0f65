# list-topics lists every topic's ARN; a deleted topic disappears
aws sns list-topics
aws sns create-topic --name t-one
aws sns create-topic --name t-two
aws sns create-topic --name t-three.fifo --attributes FifoTopic=true
aws sns list-topics --query 'sort(Topics[].TopicArn)'
aws sns delete-topic --topic-arn arn:aws:sns:us-east-1:123456789012:t-two
aws sns list-topics --query 'sort(Topics[].TopicArn)'

# FIFO topics: the name must end in .fifo and FifoTopic=true is needed; a .fifo name alone or FifoTopic without .fifo is InvalidParameter
aws sns create-topic --name prices.fifo
aws sns create-topic --name prices --attributes FifoTopic=true
aws sns create-topic --name prices.fifo --attributes FifoTopic=true
aws sns create-topic --name plain --attributes FifoTopic=false
aws sns list-topics --query 'sort(Topics[].TopicArn)'

aws sns create-topic --name orders --output "$FORMAT"
aws sns create-topic --name orders.fifo --attributes FifoTopic=true --output "$FORMAT"
aws sns create-topic --name 'bad name' --output "$FORMAT"

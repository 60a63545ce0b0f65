aws sqs create-queue --queue-name orders --output "$FORMAT"
aws sqs create-queue --queue-name orders.fifo --attributes FifoQueue=true,ContentBasedDeduplication=true --output "$FORMAT"
aws sqs create-queue --queue-name 'bad name' --output "$FORMAT"

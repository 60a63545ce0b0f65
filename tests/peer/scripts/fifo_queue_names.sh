# FIFO naming: FifoQueue=true needs a .fifo name, and a .fifo name needs FifoQueue=true
aws sqs create-queue --queue-name jobs.fifo
aws sqs create-queue --queue-name jobs --attributes FifoQueue=true
aws sqs create-queue --queue-name jobs.fifo --attributes FifoQueue=false
aws sqs create-queue --queue-name jobs.fifo --attributes FifoQueue=true
aws sqs list-queues

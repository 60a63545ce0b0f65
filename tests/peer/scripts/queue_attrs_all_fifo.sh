# get-queue-attributes All on a new FIFO queue: the FIFO attributes join the standard ones
Q=$(aws sqs create-queue --queue-name defaults.fifo --attributes FifoQueue=true --query QueueUrl --output text)
aws sqs get-queue-attributes --queue-url "$Q" --attribute-names All

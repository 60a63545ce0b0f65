# set-queue-attributes refuses values out of range, unknown names, and any change of FifoQueue; a refused call changes nothing
S=$(aws sqs create-queue --queue-name settable --query QueueUrl --output text)
F=$(aws sqs create-queue --queue-name settable.fifo --attributes FifoQueue=true --query QueueUrl --output text)
aws sqs set-queue-attributes --queue-url "$S" --attributes DelaySeconds=901
aws sqs set-queue-attributes --queue-url "$S" --attributes ReceiveMessageWaitTimeSeconds=21
aws sqs set-queue-attributes --queue-url "$S" --attributes MessageRetentionPeriod=1209601
aws sqs set-queue-attributes --queue-url "$S" --attributes MaximumMessageSize=1048577
aws sqs set-queue-attributes --queue-url "$S" --attributes VisibilityTimeout=10,DelaySeconds=-1
aws sqs set-queue-attributes --queue-url "$S" --attributes Flavour=vanilla
aws sqs set-queue-attributes --queue-url "$S" --attributes ApproximateNumberOfMessages=5
aws sqs set-queue-attributes --queue-url "$S" --attributes FifoQueue=true
aws sqs set-queue-attributes --queue-url "$F" --attributes FifoQueue=false
aws sqs set-queue-attributes --queue-url "$S" --attributes ContentBasedDeduplication=true
aws sqs get-queue-attributes --queue-url "$S" --attribute-names VisibilityTimeout DelaySeconds ReceiveMessageWaitTimeSeconds MessageRetentionPeriod
aws sqs set-queue-attributes --queue-url "$S" --attributes VisibilityTimeout=10,DelaySeconds=900,ReceiveMessageWaitTimeSeconds=20,MessageRetentionPeriod=1209600,MaximumMessageSize=1024
aws sqs get-queue-attributes --queue-url "$S" --attribute-names VisibilityTimeout DelaySeconds ReceiveMessageWaitTimeSeconds MessageRetentionPeriod MaximumMessageSize

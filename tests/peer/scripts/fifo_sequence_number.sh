# SequenceNumber: on every FIFO send (single and batch) and on received FIFO messages; never on a standard queue
F=$(aws sqs create-queue --queue-name seq.fifo --attributes FifoQueue=true --query QueueUrl --output text)
S=$(aws sqs create-queue --queue-name seq-std --query QueueUrl --output text)
aws sqs send-message --queue-url "$F" --message-body "one" --message-group-id g --message-deduplication-id one
aws sqs send-message-batch --queue-url "$F" --entries Id=two,MessageBody=two,MessageGroupId=g,MessageDeduplicationId=two Id=three,MessageBody=three,MessageGroupId=g,MessageDeduplicationId=three
aws sqs send-message --queue-url "$S" --message-body "one"
aws sqs receive-message --queue-url "$F" --max-number-of-messages 10 --message-system-attribute-names SequenceNumber MessageGroupId MessageDeduplicationId --query 'Messages[].[Body,Attributes]'
aws sqs receive-message --queue-url "$S" --message-system-attribute-names All --query 'Messages[].Attributes.SequenceNumber'

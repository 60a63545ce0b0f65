# PurgeQueue empties a queue once per 60 s; SetQueueAttributes changes what later messages see.
aws sqs create-queue --queue-name p
aws sqs send-message --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/p --message-body a
aws sqs send-message --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/p --message-body b
aws sqs purge-queue --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/p
aws sqs get-queue-attributes --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/p --attribute-names ApproximateNumberOfMessages
aws sqs purge-queue --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/p
sleep 60
aws sqs purge-queue --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/p
aws sqs set-queue-attributes --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/p --attributes VisibilityTimeout=10,DelaySeconds=2
aws sqs set-queue-attributes --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/p --attributes VisibilityTimeout=99999
aws sqs get-queue-attributes --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/p --attribute-names All
aws sqs get-queue-attributes --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/p

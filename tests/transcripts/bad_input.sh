# Each bad request gets AWS's error code and message, and changes nothing.
aws sqs create-queue --queue-name "has space"
aws sqs create-queue --queue-name aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
aws sqs create-queue --queue-name jobs.fifo
aws sqs create-queue --queue-name ok --attributes VisibilityTimeout=43201
aws sqs create-queue --queue-name ok --attributes MessageRetentionPeriod=59
aws sqs create-queue --queue-name ok --attributes MaximumMessageSize=1023
aws sqs create-queue --queue-name ok --attributes VisibilityTimeout=abc
aws sqs create-queue --queue-name ok --attributes Colour=blue
aws sqs create-queue --queue-name ok --attributes QueueArn=x
aws sqs create-queue --queue-name ok --attributes '{"RedrivePolicy":"{\"deadLetterTargetArn\":\"arn:aws:sqs:us-east-1:123456789012:nope\",\"maxReceiveCount\":\"3\"}"}'
aws sqs list-queues
aws sqs create-queue --queue-name ok --attributes MaximumMessageSize=1024
aws sqs send-message --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/ok --message-body ""
aws sqs send-message --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/ok --message-body "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
aws sqs receive-message --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/ok --max-number-of-messages 11
aws sqs receive-message --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/ok --max-number-of-messages 0
aws sqs receive-message --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/ok --wait-time-seconds 21
aws sqs receive-message --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/ok --visibility-timeout 43201
aws sqs get-queue-attributes --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/ok --attribute-names Colour
aws sqs get-queue-attributes --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/ok --attribute-names ApproximateNumberOfMessages
aws sqs send-message --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/missing --message-body hi
aws sqs send-message --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/ok
aws sqs send-message --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/ok --message-body hi --colour blue
aws sqs receive-message --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/ok --max-number-of-messages ten
aws sqs set-queue-attributes --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/ok --attributes VisibilityTimeout
aws sqs frobnicate-queue
aws ec2 describe-instances
aws sqs list-queues --output tabel
aws sqs list-queues --query 'QueueUrls[' 
curl https://example.com
aws sqs list-queues

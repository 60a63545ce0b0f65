# receive with --attribute-names All and with --message-system-attribute-names: which system attributes come back
Q=$(aws sqs create-queue --queue-name sysattrs --query QueueUrl --output text)
aws sqs send-message --queue-url "$Q" --message-body "look" --query MD5OfMessageBody
aws sqs send-message --queue-url "$Q" --message-body "look" --query MD5OfMessageBody
aws sqs send-message --queue-url "$Q" --message-body "look" --query MD5OfMessageBody
aws sqs send-message --queue-url "$Q" --message-body "look" --query MD5OfMessageBody
aws sqs receive-message --queue-url "$Q" --attribute-names All
aws sqs receive-message --queue-url "$Q" --message-system-attribute-names ApproximateReceiveCount SentTimestamp --query 'Messages[0].Attributes'
aws sqs receive-message --queue-url "$Q" --message-system-attribute-names All --query 'sort(keys(Messages[0].Attributes))'
aws sqs receive-message --queue-url "$Q" --query 'sort(keys(Messages[0]))'

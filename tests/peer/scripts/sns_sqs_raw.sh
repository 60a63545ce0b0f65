# RawMessageDelivery=true: the SQS body is the message itself and the message attributes become SQS message attributes
aws sns create-topic --name raw
aws sqs create-queue --queue-name raw-q
aws sns subscribe --topic-arn arn:aws:sns:us-east-1:123456789012:raw --protocol sqs --notification-endpoint arn:aws:sqs:us-east-1:123456789012:raw-q --attributes RawMessageDelivery=true
aws sns publish --topic-arn arn:aws:sns:us-east-1:123456789012:raw --message 'plain text body' --subject 'ignored in raw mode' --message-attributes '{"store":{"DataType":"String","StringValue":"north"},"total":{"DataType":"Number","StringValue":"12.5"}}'
aws sqs receive-message --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/raw-q --wait-time-seconds 1 --message-attribute-names All

# an sqs subscription without raw delivery receives the JSON envelope: Type, MessageId, TopicArn, Subject, Message, Timestamp, signature fields, UnsubscribeURL
aws sns create-topic --name envelope
aws sqs create-queue --queue-name envelope-q
aws sns subscribe --topic-arn arn:aws:sns:us-east-1:123456789012:envelope --protocol sqs --notification-endpoint arn:aws:sqs:us-east-1:123456789012:envelope-q
aws sns publish --topic-arn arn:aws:sns:us-east-1:123456789012:envelope --message 'order 42 shipped' --subject 'Shipping update'
aws sqs receive-message --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/envelope-q --wait-time-seconds 1 --query 'Messages[0].Body' --output text
aws sns publish --topic-arn arn:aws:sns:us-east-1:123456789012:envelope --message '{"order":43}'
aws sqs receive-message --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/envelope-q --wait-time-seconds 1 --query 'Messages[0].Body' --output text

# publish-batch: each entry is published (Successful with Id and MessageId), with its own subject and attributes
aws sns create-topic --name batch
aws sqs create-queue --queue-name batch-q
aws sns subscribe --topic-arn arn:aws:sns:us-east-1:123456789012:batch --protocol sqs --notification-endpoint arn:aws:sqs:us-east-1:123456789012:batch-q --attributes RawMessageDelivery=true
aws sns publish-batch --topic-arn arn:aws:sns:us-east-1:123456789012:batch --publish-batch-request-entries '[{"Id":"a","Message":"alpha"},{"Id":"b","Message":"beta","Subject":"second"},{"Id":"c","Message":"gamma","MessageAttributes":{"n":{"DataType":"Number","StringValue":"3"}}}]'
aws sqs receive-message --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/batch-q --max-number-of-messages 10 --wait-time-seconds 1 --message-attribute-names All --query 'sort_by(Messages, &Body)[].[Body,MessageAttributes]'

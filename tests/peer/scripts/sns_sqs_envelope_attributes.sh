# message attributes published to a non-raw subscription appear inside the envelope as MessageAttributes {Type, Value}; the SQS message itself has none
aws sns create-topic --name env-attrs
aws sqs create-queue --queue-name env-attrs-q
aws sns subscribe --topic-arn arn:aws:sns:us-east-1:123456789012:env-attrs --protocol sqs --notification-endpoint arn:aws:sqs:us-east-1:123456789012:env-attrs-q
aws sns publish --topic-arn arn:aws:sns:us-east-1:123456789012:env-attrs --message 'new order' --message-attributes '{"store":{"DataType":"String","StringValue":"north"},"total":{"DataType":"Number","StringValue":"12.5"},"tags":{"DataType":"String.Array","StringValue":"[\"a\",\"b\"]"}}'
aws sqs receive-message --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/env-attrs-q --wait-time-seconds 1 --message-attribute-names All --query 'Messages[0].[Body,MessageAttributes]'

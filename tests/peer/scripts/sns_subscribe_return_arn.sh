# http/https/email subscriptions answer "pending confirmation" unless --return-subscription-arn; sqs answers its ARN either way
aws sns create-topic --name hooks
aws sqs create-queue --queue-name hooks-q
aws sns subscribe --topic-arn arn:aws:sns:us-east-1:123456789012:hooks --protocol http --notification-endpoint http://example.com/hook
aws sns subscribe --topic-arn arn:aws:sns:us-east-1:123456789012:hooks --protocol https --notification-endpoint https://example.com/secure --return-subscription-arn
aws sns subscribe --topic-arn arn:aws:sns:us-east-1:123456789012:hooks --protocol sqs --notification-endpoint arn:aws:sqs:us-east-1:123456789012:hooks-q --return-subscription-arn
S=$(aws sns subscribe --topic-arn arn:aws:sns:us-east-1:123456789012:hooks --protocol http --notification-endpoint http://example.com/other --return-subscription-arn --query SubscriptionArn --output text)
aws sns get-subscription-attributes --subscription-arn "$S" --query 'Attributes.[Protocol,Endpoint,PendingConfirmation,ConfirmationWasAuthenticated]'

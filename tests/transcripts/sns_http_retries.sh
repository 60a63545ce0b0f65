# An HTTP subscriber must confirm; while it is down, SNS retries 3 times 20 s apart.
aws sns create-topic --name orders
aws sqs create-queue --queue-name orders-dlq
aws sns subscribe --topic-arn arn:aws:sns:us-east-1:123456789012:orders --protocol https --notification-endpoint https://shop.example.com/hook
aws sns list-subscriptions-by-topic --topic-arn arn:aws:sns:us-east-1:123456789012:orders --query 'Subscriptions[0].SubscriptionArn' --output text
fanout confirm https://shop.example.com/hook
SUB=$(aws sns list-subscriptions --query 'Subscriptions[0].SubscriptionArn' --output text)
aws sns set-subscription-attributes --subscription-arn "$SUB" --attribute-name RedrivePolicy --attribute-value '{"deadLetterTargetArn":"arn:aws:sqs:us-east-1:123456789012:orders-dlq"}'
fanout endpoint https://shop.example.com/hook --available false
aws sns publish --topic-arn arn:aws:sns:us-east-1:123456789012:orders --message 'order 1'
sleep 59
aws sqs get-queue-attributes --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/orders-dlq --attribute-names ApproximateNumberOfMessages
sleep 2
aws sqs get-queue-attributes --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/orders-dlq --attribute-names ApproximateNumberOfMessages
fanout endpoint https://shop.example.com/hook --available true
aws sns publish --topic-arn arn:aws:sns:us-east-1:123456789012:orders --message 'order 2'
sleep 1
fanout inbox https://shop.example.com/hook

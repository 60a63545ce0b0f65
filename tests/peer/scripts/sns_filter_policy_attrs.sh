# FilterPolicy set later with set-subscription-attributes shows FilterPolicyScope MessageAttributes; the scope can be switched; "{}" removes the policy
aws sns create-topic --name f-attrs
aws sqs create-queue --queue-name f-attrs-q
S=$(aws sns subscribe --topic-arn arn:aws:sns:us-east-1:123456789012:f-attrs --protocol sqs --notification-endpoint arn:aws:sqs:us-east-1:123456789012:f-attrs-q --attributes RawMessageDelivery=true --query SubscriptionArn --output text)
aws sns get-subscription-attributes --subscription-arn "$S" --query 'Attributes.[FilterPolicy,FilterPolicyScope]'
aws sns set-subscription-attributes --subscription-arn "$S" --attribute-name FilterPolicy --attribute-value '{"kind":["a","b"]}'
aws sns get-subscription-attributes --subscription-arn "$S" --query 'Attributes.[FilterPolicy,FilterPolicyScope]'
aws sns set-subscription-attributes --subscription-arn "$S" --attribute-name FilterPolicyScope --attribute-value MessageBody
aws sns get-subscription-attributes --subscription-arn "$S" --query 'Attributes.[FilterPolicy,FilterPolicyScope]'
aws sns publish --topic-arn arn:aws:sns:us-east-1:123456789012:f-attrs --message '{"kind":"c"}'
aws sns set-subscription-attributes --subscription-arn "$S" --attribute-name FilterPolicy --attribute-value '{}'
aws sns get-subscription-attributes --subscription-arn "$S" --query Attributes.FilterPolicy
aws sns publish --topic-arn arn:aws:sns:us-east-1:123456789012:f-attrs --message '{"kind":"d"}'
aws sqs receive-message --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/f-attrs-q --max-number-of-messages 10 --wait-time-seconds 1 --query 'Messages[].Body'

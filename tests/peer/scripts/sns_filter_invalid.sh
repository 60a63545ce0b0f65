# invalid filter policies are refused with InvalidParameter: not JSON, an unknown operator, a bad numeric range, more than 5 keys, an unknown scope
aws sns create-topic --name f-bad
aws sqs create-queue --queue-name f-bad-q
aws sns subscribe --topic-arn arn:aws:sns:us-east-1:123456789012:f-bad --protocol sqs --notification-endpoint arn:aws:sqs:us-east-1:123456789012:f-bad-q --attributes '{"FilterPolicy":"{not json"}'
aws sns subscribe --topic-arn arn:aws:sns:us-east-1:123456789012:f-bad --protocol sqs --notification-endpoint arn:aws:sqs:us-east-1:123456789012:f-bad-q --attributes '{"FilterPolicy":"{\"a\":[{\"sounds-like\":\"x\"}]}"}'
aws sns subscribe --topic-arn arn:aws:sns:us-east-1:123456789012:f-bad --protocol sqs --notification-endpoint arn:aws:sqs:us-east-1:123456789012:f-bad-q --attributes '{"FilterPolicy":"{\"a\":[{\"numeric\":[\">\",10,\"<\",5]}]}"}'
aws sns subscribe --topic-arn arn:aws:sns:us-east-1:123456789012:f-bad --protocol sqs --notification-endpoint arn:aws:sqs:us-east-1:123456789012:f-bad-q --attributes '{"FilterPolicy":"{\"a\":[\"1\"],\"b\":[\"1\"],\"c\":[\"1\"],\"d\":[\"1\"],\"e\":[\"1\"],\"f\":[\"1\"]}"}'
aws sns subscribe --topic-arn arn:aws:sns:us-east-1:123456789012:f-bad --protocol sqs --notification-endpoint arn:aws:sqs:us-east-1:123456789012:f-bad-q --attributes '{"FilterPolicyScope":"Headers","FilterPolicy":"{\"a\":[\"1\"]}"}'
S=$(aws sns subscribe --topic-arn arn:aws:sns:us-east-1:123456789012:f-bad --protocol sqs --notification-endpoint arn:aws:sqs:us-east-1:123456789012:f-bad-q --query SubscriptionArn --output text)
aws sns set-subscription-attributes --subscription-arn "$S" --attribute-name FilterPolicy --attribute-value '{"a":"not-a-list"}'
aws sns list-subscriptions-by-topic --topic-arn arn:aws:sns:us-east-1:123456789012:f-bad --query 'length(Subscriptions)'

# a subscription RedrivePolicy (dead-letter queue) is stored and shown; a malformed DLQ ARN or bad JSON is InvalidParameter
aws sns create-topic --name redrive
aws sqs create-queue --queue-name redrive-q
aws sqs create-queue --queue-name redrive-dlq
S=$(aws sns subscribe --topic-arn arn:aws:sns:us-east-1:123456789012:redrive --protocol sqs --notification-endpoint arn:aws:sqs:us-east-1:123456789012:redrive-q --query SubscriptionArn --output text)
aws sns set-subscription-attributes --subscription-arn "$S" --attribute-name RedrivePolicy --attribute-value '{"deadLetterTargetArn":"arn:aws:sqs:us-east-1:123456789012:redrive-dlq"}'
aws sns get-subscription-attributes --subscription-arn "$S" --query Attributes.RedrivePolicy
aws sns set-subscription-attributes --subscription-arn "$S" --attribute-name RedrivePolicy --attribute-value '{"deadLetterTargetArn":"not-an-arn"}'
aws sns set-subscription-attributes --subscription-arn "$S" --attribute-name RedrivePolicy --attribute-value '{deadLetterTargetArn}'
aws sns get-subscription-attributes --subscription-arn "$S" --query Attributes.RedrivePolicy

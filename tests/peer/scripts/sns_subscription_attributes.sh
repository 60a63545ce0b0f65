# get-subscription-attributes of an sqs subscription; set-subscription-attributes RawMessageDelivery; bad values and unknown names are InvalidParameter
aws sns create-topic --name subattrs
aws sqs create-queue --queue-name subattrs-q
S=$(aws sns subscribe --topic-arn arn:aws:sns:us-east-1:123456789012:subattrs --protocol sqs --notification-endpoint arn:aws:sqs:us-east-1:123456789012:subattrs-q --query SubscriptionArn --output text)
aws sns get-subscription-attributes --subscription-arn "$S" --query 'Attributes.[Protocol,Endpoint,Owner,TopicArn,PendingConfirmation,ConfirmationWasAuthenticated,RawMessageDelivery]'
aws sns get-subscription-attributes --subscription-arn "$S" --query 'sort(keys(Attributes))'
aws sns set-subscription-attributes --subscription-arn "$S" --attribute-name RawMessageDelivery --attribute-value true
aws sns get-subscription-attributes --subscription-arn "$S" --query Attributes.RawMessageDelivery
aws sns set-subscription-attributes --subscription-arn "$S" --attribute-name RawMessageDelivery --attribute-value yes
aws sns set-subscription-attributes --subscription-arn "$S" --attribute-name Colour --attribute-value blue
aws sns subscribe --topic-arn arn:aws:sns:us-east-1:123456789012:subattrs --protocol sqs --notification-endpoint arn:aws:sqs:us-east-1:123456789012:other-q --attributes RawMessageDelivery=maybe

# A topic's own policy can deny publishing; malformed policies are refused as SNS refuses them.
aws sns create-topic --name locked
aws sns set-topic-attributes --topic-arn arn:aws:sns:us-east-1:123456789012:locked --attribute-name Policy --attribute-value '{"Version":"2012-10-17","Statement":[{"Sid":"NoPublish","Effect":"Deny","Principal":"*","Action":"sns:Publish","Resource":"arn:aws:sns:us-east-1:123456789012:locked"}]}'
aws sns publish --topic-arn arn:aws:sns:us-east-1:123456789012:locked --message hi
aws sns set-topic-attributes --topic-arn arn:aws:sns:us-east-1:123456789012:locked --attribute-name Policy --attribute-value '{"Version":"2012-10-17","Statement":[{"Sid":"x","Effect":"Allow","Principal":"*","Action":"sqs:SendMessage","Resource":"*"}]}'
aws sns set-topic-attributes --topic-arn arn:aws:sns:us-east-1:123456789012:locked --attribute-name Policy --attribute-value '{"Statement":[{"Principle":"*"}]}'
aws sns set-topic-attributes --topic-arn arn:aws:sns:us-east-1:123456789012:locked --attribute-name DeliveryPolicy --attribute-value '{"http":{"defaultHealthyRetryPolicy":{"numRetries":500}}}'

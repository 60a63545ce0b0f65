# set-topic-attributes: DisplayName, Policy and DeliveryPolicy are stored (JSON compared as JSON); an unknown attribute is InvalidParameter
aws sns create-topic --name news
aws sns set-topic-attributes --topic-arn arn:aws:sns:us-east-1:123456789012:news --attribute-name DisplayName --attribute-value 'Daily News'
aws sns set-topic-attributes --topic-arn arn:aws:sns:us-east-1:123456789012:news --attribute-name Policy --attribute-value '{"Version":"2012-10-17","Statement":[{"Sid":"owner","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:root"},"Action":"SNS:Publish","Resource":"arn:aws:sns:us-east-1:123456789012:news"}]}'
aws sns set-topic-attributes --topic-arn arn:aws:sns:us-east-1:123456789012:news --attribute-name DeliveryPolicy --attribute-value '{"http":{"defaultHealthyRetryPolicy":{"minDelayTarget":5,"maxDelayTarget":10,"numRetries":4,"backoffFunction":"exponential"},"disableSubscriptionOverrides":false}}'
aws sns get-topic-attributes --topic-arn arn:aws:sns:us-east-1:123456789012:news --query 'Attributes.[DisplayName,Policy,DeliveryPolicy]'
aws sns set-topic-attributes --topic-arn arn:aws:sns:us-east-1:123456789012:news --attribute-name Colour --attribute-value blue
aws sns set-topic-attributes --topic-arn arn:aws:sns:us-east-1:123456789012:missing --attribute-name DisplayName --attribute-value x

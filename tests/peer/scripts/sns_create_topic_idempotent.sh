# create-topic is idempotent: the same name returns the same ARN (attributes repeated or left out); a conflicting attribute is refused
aws sns create-topic --name orders --attributes DisplayName=Orders
aws sns create-topic --name orders
aws sns create-topic --name orders --attributes DisplayName=Orders
aws sns create-topic --name orders --attributes DisplayName=Other
aws sns get-topic-attributes --topic-arn arn:aws:sns:us-east-1:123456789012:orders --query Attributes.DisplayName
aws sns list-topics

# A queue's access policy decides whether a topic may deliver to it.
aws sns create-topic --name alerts
aws sqs create-queue --queue-name locked
aws sqs create-queue --queue-name open
aws sqs create-queue --queue-name bare
# "locked" allows only another topic; "open" allows this one.
aws sqs set-queue-attributes --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/locked --attributes '{"Policy":"{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"sns.amazonaws.com\"},\"Action\":\"sqs:SendMessage\",\"Resource\":\"arn:aws:sqs:us-east-1:123456789012:locked\",\"Condition\":{\"ArnEquals\":{\"aws:SourceArn\":\"arn:aws:sns:us-east-1:123456789012:other\"}}}]}"}'
aws sqs set-queue-attributes --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/open --attributes '{"Policy":"{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"sns.amazonaws.com\"},\"Action\":\"sqs:SendMessage\",\"Resource\":\"arn:aws:sqs:us-east-1:123456789012:open\",\"Condition\":{\"ArnEquals\":{\"aws:SourceArn\":\"arn:aws:sns:us-east-1:123456789012:alerts\"}}}]}"}'
T=arn:aws:sns:us-east-1:123456789012:alerts
A=$(aws sns subscribe --topic-arn $T --protocol sqs --notification-endpoint arn:aws:sqs:us-east-1:123456789012:locked --attributes RawMessageDelivery=true)
B=$(aws sns subscribe --topic-arn $T --protocol sqs --notification-endpoint arn:aws:sqs:us-east-1:123456789012:open --attributes RawMessageDelivery=true)
C=$(aws sns subscribe --topic-arn $T --protocol sqs --notification-endpoint arn:aws:sqs:us-east-1:123456789012:bare --attributes RawMessageDelivery=true)
aws sns publish --topic-arn arn:aws:sns:us-east-1:123456789012:alerts --message 'disk full'
aws sqs receive-message --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/locked --query 'Messages[0].Body' --output text
aws sqs receive-message --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/open --query 'Messages[0].Body' --output text
aws sqs receive-message --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/bare --query 'Messages[0].Body' --output text
# As on AWS: a queue without a policy refuses the topic too.
fanout access strict
aws sns publish --topic-arn arn:aws:sns:us-east-1:123456789012:alerts --message 'cpu hot'
aws sqs receive-message --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/open --query 'Messages[0].Body' --output text
aws sqs receive-message --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/bare --query 'Messages[0].Body' --output text

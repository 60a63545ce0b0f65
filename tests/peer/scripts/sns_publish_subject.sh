# publish --subject: it appears in the envelope; an empty subject, one over 100 characters or one with a line break is InvalidParameter; an empty message too
aws sns create-topic --name subj
aws sqs create-queue --queue-name subj-q
aws sns subscribe --topic-arn arn:aws:sns:us-east-1:123456789012:subj --protocol sqs --notification-endpoint arn:aws:sqs:us-east-1:123456789012:subj-q
aws sns publish --topic-arn arn:aws:sns:us-east-1:123456789012:subj --message 'with a subject' --subject 'Weekly report: all good'
aws sns publish --topic-arn arn:aws:sns:us-east-1:123456789012:subj --message 'empty subject' --subject ''
aws sns publish --topic-arn arn:aws:sns:us-east-1:123456789012:subj --message 'long subject' --subject 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'
aws sns publish --topic-arn arn:aws:sns:us-east-1:123456789012:subj --message 'two lines' --subject 'line one
line two'
aws sns publish --topic-arn arn:aws:sns:us-east-1:123456789012:subj --message ''
aws sqs receive-message --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/subj-q --max-number-of-messages 10 --wait-time-seconds 1 --query 'Messages[].Body'

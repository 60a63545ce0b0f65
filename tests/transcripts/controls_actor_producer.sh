# Producers: rate patterns, templates, batches, a count and a stop time, FIFO and topics.
aws sqs create-queue --queue-name orders --query QueueUrl --output text
Q=https://sqs.us-east-1.amazonaws.com/123456789012/orders
fanout actor producer steady --queue-url $Q --rate 10 --count 25 --message-body '{"order": {n}, "by": "{actor}"}'
fanout actor producer bursts --queue-url $Q --pattern burst --burst-size 20 --every 30s --batch-size 10 --for 1m
fanout actor producer spiky --queue-url $Q --pattern spike --rate 1 --spike-rate 5 --spike-at 10s --spike-for 10s --stop-at 40s
fanout actor producer wave --queue-url $Q --pattern sine --rate 2 --amplitude 1.5 --period 20s --batch-size 5
fanout clock advance 40s
fanout actor list
aws sqs receive-message --queue-url $Q --query 'Messages[0].Body' --output text
aws sqs get-queue-attributes --queue-url $Q --attribute-names ApproximateNumberOfMessages --query Attributes.ApproximateNumberOfMessages --output text
# A FIFO queue: group ids from a template; without one every send is refused.
aws sqs create-queue --queue-name jobs.fifo --attributes FifoQueue=true,ContentBasedDeduplication=true --query QueueUrl --output text
F=https://sqs.us-east-1.amazonaws.com/123456789012/jobs.fifo
fanout actor producer fifo --queue-url $F --rate 4 --count 8 --batch-size 4 --message-group-id 'tenant-{n%2}'
fanout actor producer no-group --queue-url $F --rate 4
fanout clock advance 5s
aws sqs receive-message --queue-url $F --max-number-of-messages 10 --attribute-names MessageGroupId --query 'Messages[].[Body,Attributes.MessageGroupId]' --output text
# A topic producer publishes; the subscribed queue gets the envelopes.
aws sns create-topic --name news --query TopicArn --output text
aws sqs create-queue --queue-name readers --query QueueUrl --output text
aws sns subscribe --topic-arn arn:aws:sns:us-east-1:123456789012:news --protocol sqs --notification-endpoint arn:aws:sqs:us-east-1:123456789012:readers --attributes RawMessageDelivery=true --query SubscriptionArn --output text
fanout actor producer newsroom --topic-arn arn:aws:sns:us-east-1:123456789012:news --rate 1 --count 3 --batch-size 3 --message-body 'story {n}'
fanout clock advance 5s
aws sqs receive-message --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/readers --max-number-of-messages 10 --query 'Messages[].Body' --output text
fanout actor stop wave
fanout actor list --query 'nothing'
fanout actor remove steady
fanout actor list

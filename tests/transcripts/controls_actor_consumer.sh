# Consumer groups: fixed and auto-scaled, failures into a DLQ, stop and remove.
aws sqs create-queue --queue-name work-dlq --query QueueUrl --output text
aws sqs create-queue --queue-name work --attributes '{"VisibilityTimeout":"5","RedrivePolicy":"{\"deadLetterTargetArn\":\"arn:aws:sqs:us-east-1:123456789012:work-dlq\",\"maxReceiveCount\":\"2\"}"}' --query QueueUrl --output text
Q=https://sqs.us-east-1.amazonaws.com/123456789012/work
fanout actor producer feed --queue-url $Q --rate 20 --count 100 --batch-size 10
fanout actor consumer workers --queue-url $Q --instances 2 --max-number-of-messages 10 --wait-time-seconds 20 --processing-time uniform:10ms-30ms --failure-probability 0.1
fanout clock advance 1m
fanout actor list
aws sqs get-queue-attributes --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/work-dlq --attribute-names ApproximateNumberOfMessages --query Attributes.ApproximateNumberOfMessages --output text
fanout actor stop workers
fanout actor stop workers
fanout actor remove workers
fanout actor remove feed
# Auto scaling: a burst of 600 against 1 message per second per instance and 10 s of
# acceptable latency wants 5 instances; after three checks (a minute apart) above its
# capacity the group scales out, and after fifteen quiet ones back in.
aws sqs create-queue --queue-name backlog --query QueueUrl --output text
B=https://sqs.us-east-1.amazonaws.com/123456789012/backlog
fanout actor producer surge --queue-url $B --pattern burst --burst-size 600 --every 1h --batch-size 10 --count 600
fanout actor consumer pool --queue-url $B --min-instances 1 --max-instances 5 --acceptable-latency 10s --cooldown 2m --warm-up 20s --processing-time 1s --max-number-of-messages 10 --wait-time-seconds 20 --idempotent
fanout clock advance 121s
fanout actor list
fanout clock advance 1m
fanout actor list
fanout clock advance 20m
fanout actor list
# Deleting the queue stops the group: its next receive is refused, and the list says why.
aws sqs delete-queue --queue-url $B
fanout clock advance 30s
fanout actor list

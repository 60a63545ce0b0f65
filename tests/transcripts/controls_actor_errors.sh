# Every actor error says what is wrong and what is accepted, and starts nothing.
aws sqs create-queue --queue-name q --query QueueUrl --output text
Q=https://sqs.us-east-1.amazonaws.com/123456789012/q
fanout actor
fanout actor start p
fanout actor producer
fanout actor producer --queue-url $Q
fanout actor producer p
fanout actor producer p --queue-url $Q --topic-arn arn:aws:sns:us-east-1:123456789012:t --rate 1
fanout actor producer p --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/nope --rate 1
fanout actor producer p --topic-arn arn:aws:sns:us-east-1:123456789012:nope --rate 1
fanout actor producer p --queue-url $Q
fanout actor producer p --queue-url $Q --rate
fanout actor producer p --queue-url $Q --rate fast
fanout actor producer p --queue-url $Q --rate 0.0001
fanout actor producer p --queue-url $Q --rate 0
fanout actor producer p --queue-url $Q --rate 1 --rate 2
fanout actor producer p --queue-url $Q --rate 1 --speed 2
fanout actor producer p --queue-url $Q --pattern wave --rate 1
fanout actor producer p --queue-url $Q --rate 1 --amplitude 1
fanout actor producer p --queue-url $Q --pattern burst --burst-size 10
fanout actor producer p --queue-url $Q --pattern burst --burst-size 10 --every 0s
fanout actor producer p --queue-url $Q --pattern spike --rate 5 --spike-rate 2 --spike-at 1m --spike-for 1m
fanout actor producer p --queue-url $Q --pattern sine --rate 1 --amplitude 2 --period 1m
fanout actor producer p --queue-url $Q --rate 1 --batch-size 11
fanout actor producer p --queue-url $Q --rate 1 --count 0
fanout actor producer p --queue-url $Q --rate 1 --count many
fanout actor producer p --queue-url $Q --rate 1 --for 1m --stop-at 2m
fanout clock advance 10s
fanout actor producer p --queue-url $Q --rate 1 --stop-at 5s
fanout actor producer p --queue-url $Q --rate 1 --message-group-id 'g-{n%0}'
fanout actor producer 'bad name' --queue-url $Q --rate 1
fanout actor consumer c
fanout actor consumer c --queue-url $Q --instances 0
fanout actor consumer c --queue-url $Q --instances 2 --max-instances 4
fanout actor consumer c --queue-url $Q --max-instances 4
fanout actor consumer c --queue-url $Q --min-instances 5 --max-instances 4 --acceptable-latency 10s
fanout actor consumer c --queue-url $Q --max-instances 4 --acceptable-latency 0s
fanout actor consumer c --queue-url $Q --max-number-of-messages 11
fanout actor consumer c --queue-url $Q --wait-time-seconds 21
fanout actor consumer c --queue-url $Q --visibility-timeout 43201
fanout actor consumer c --queue-url $Q --processing-time slow
fanout actor consumer c --queue-url $Q --processing-time uniform:300ms-100ms
fanout actor consumer c --queue-url $Q --processing-time exponential:0ms
fanout actor consumer c --queue-url $Q --failure-probability 1.5
fanout actor consumer c --queue-url $Q --crash-probability often
fanout actor consumer c --queue-url $Q --idempotent true
fanout actor list
fanout actor producer p --queue-url $Q --rate 1
fanout actor producer p --queue-url $Q --rate 1
fanout actor stop
fanout actor stop nobody
fanout actor remove nobody
fanout actor list extra
fanout actor stop p
fanout actor stop p
fanout actor list

# The reference scenario: its trace hash must be the same natively and in the browser.
# It exercises ids, receipt handles, chaos sampling, delays, long polls, visibility
# expiry and a DLQ move, so any platform difference in the RNG or the agenda shows.
aws sqs create-queue --queue-name ref-dlq
aws sqs create-queue --queue-name ref --attributes '{"VisibilityTimeout":"5","RedrivePolicy":"{\"deadLetterTargetArn\":\"arn:aws:sqs:us-east-1:123456789012:ref-dlq\",\"maxReceiveCount\":\"2\"}"}'
Q=https://sqs.us-east-1.amazonaws.com/123456789012/ref
aws sqs send-message --queue-url $Q --message-body one
aws sqs send-message --queue-url $Q --message-body two --delay-seconds 3
aws sqs send-message --queue-url $Q --message-body three
aws sqs receive-message --queue-url $Q --max-number-of-messages 10
aws sqs receive-message --queue-url $Q --max-number-of-messages 10
sleep 4
aws sqs receive-message --queue-url $Q --max-number-of-messages 10 --wait-time-seconds 20
RH=$(aws sqs receive-message --queue-url $Q --wait-time-seconds 20 --query 'Messages[0].ReceiptHandle' --output text)
aws sqs change-message-visibility --queue-url $Q --receipt-handle "$RH" --visibility-timeout 1
sleep 30
aws sqs receive-message --queue-url $Q --max-number-of-messages 10 --attribute-names All
aws sqs receive-message --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/ref-dlq --max-number-of-messages 10 --wait-time-seconds 5
aws sqs get-queue-attributes --queue-url $Q --attribute-names All
# Actors: their schedules and draws (sine rates, exponential processing times, failures,
# crashes, auto scaling) must replay identically on every platform too.
fanout actor producer ref-feed --queue-url $Q --pattern sine --rate 5 --amplitude 3 --period 20s --batch-size 3 --count 200
fanout actor consumer ref-workers --queue-url $Q --min-instances 1 --max-instances 4 --acceptable-latency 2s --cooldown 30s --warm-up 5s --max-number-of-messages 5 --wait-time-seconds 10 --processing-time exponential:300ms --failure-probability 0.1 --crash-probability 0.02
fanout clock advance 3m
fanout actor list

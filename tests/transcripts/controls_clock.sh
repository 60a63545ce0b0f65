# The virtual clock: print it, advance it, run until nothing is due, and the page's speed.
fanout clock
fanout clock advance 250ms
fanout clock advance 30s
fanout clock advance 1.5m
fanout clock advance 1h
aws sqs create-queue --queue-name later
aws sqs send-message --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/later --message-body hi --delay-seconds 90 --query MessageId --output text
# The delay ends 90 s later; then nothing is due at all.
fanout clock run-until-idle
aws sqs get-queue-attributes --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/later --attribute-names ApproximateNumberOfMessages --query Attributes --output text
fanout clock run-until-idle --max 5m
# A running producer keeps the clock busy: --max bounds the run.
fanout actor producer ticker --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/later --rate 2
fanout clock run-until-idle --max 10s
aws sqs get-queue-attributes --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/later --attribute-names ApproximateNumberOfMessages --query Attributes --output text
fanout clock speed 100x
fanout clock speed 0.25
fanout clock

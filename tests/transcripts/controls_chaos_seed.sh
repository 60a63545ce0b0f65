# Chaos profiles and seeds, and what each line accepts.
fanout chaos
fanout chaos high
fanout chaos
fanout chaos realistic
fanout chaos
fanout chaos extreme
fanout chaos off on
fanout chaos
fanout chaos off
fanout seed
# Reseeding before any draw is the same as starting with that seed: these two ids are
# what `fanout run --seed 42` gives its first two messages.
fanout seed 42
fanout seed
aws sqs create-queue --queue-name q --query QueueUrl --output text
aws sqs send-message --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/q --message-body one --query MessageId --output text
aws sqs send-message --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/q --message-body two --query MessageId --output text
fanout seed -1
fanout seed 18446744073709551616
fanout seed forty-two
fanout seed 1 2
fanout seed
fanout rewind

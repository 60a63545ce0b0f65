# The same two messages as controls_chaos_seed.sh sends after `fanout seed 42`, with
# `fanout seed 42` as the first line: the same ids.
fanout seed 42
aws sqs create-queue --queue-name q --query QueueUrl --output text
aws sqs send-message --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/q --message-body one --query MessageId --output text
aws sqs send-message --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/q --message-body two --query MessageId --output text

# --output choices beyond the four formats: yaml-stream (each page a list item), off
# (nothing), and a choice the CLI does not know.
aws sqs create-queue --queue-name q --output yaml-stream
aws sqs list-queues --output yaml-stream
aws sqs delete-queue --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/q --output yaml-stream
aws sqs list-queues --output off
aws sqs list-queues --output xml
aws sqs list-queues --output Table

# A service error exits 254.
aws sqs get-queue-url --queue-name missing

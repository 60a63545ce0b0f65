# A malformed script is rejected whole, naming line and column: nothing runs.
aws sqs create-queue --queue-name should-not-exist
echo "unterminated

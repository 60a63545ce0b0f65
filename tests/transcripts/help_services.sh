# The services' pages: every operation with what it does in Fanout.
aws sqs help
aws sns help

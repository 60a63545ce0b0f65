# Refused at parse time: nothing runs, not even the first line.
aws sqs create-queue --queue-name should-not-exist
i=0; x=$((i += 1))

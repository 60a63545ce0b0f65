# Refused at parse time: nothing runs, not even the first line.
aws sqs create-queue --queue-name should-not-exist
for i in {1..100001}; do echo; done

# Refused at parse time: nothing runs, not even the first line.
aws sqs create-queue --queue-name should-not-exist
case $X in a) echo a ;; esac

# list-queues pages with --max-items and goes on with --starting-token.
aws sqs create-queue --queue-name q1
aws sqs create-queue --queue-name q2
aws sqs create-queue --queue-name q3
# Text output queries each page on its own: the page of items has no NextToken (None),
# the token comes after it, so the next line spells the token out.
aws sqs list-queues --max-items 2 --query NextToken --output text
T=cTI=
aws sqs list-queues --max-items 2 --query QueueUrls
aws sqs list-queues --max-items 2 --starting-token "$T"
aws sqs list-queues --queue-name-prefix zzz
aws sqs list-queues --max-results 0

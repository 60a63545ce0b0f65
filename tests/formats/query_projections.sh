# --query results: a list, a scalar, a list of lists, a multi-select hash, a falsy value.
aws sqs create-queue --queue-name alpha --query QueueUrl --output text
aws sqs create-queue --queue-name beta --query QueueUrl --output text
aws sqs list-queues --query 'QueueUrls[]' --output "$FORMAT"
aws sqs get-queue-attributes --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/alpha --attribute-names All --query Attributes.VisibilityTimeout --output "$FORMAT"
aws sqs list-queues --query 'QueueUrls[].[@, `x`]' --output "$FORMAT"
aws sqs list-queues --query '{n: length(QueueUrls), first: QueueUrls[0], all: QueueUrls}' --output "$FORMAT"
aws sqs list-queues --query 'length(QueueUrls[?contains(@, `zzz`)])' --output "$FORMAT"
aws sqs list-queues --query 'QueueUrls[?contains(@, `zzz`)]' --output "$FORMAT"
aws sqs list-queues --query 'NextToken' --output "$FORMAT"

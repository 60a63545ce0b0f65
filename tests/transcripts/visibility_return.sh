# A received message that is not deleted comes back when its visibility timeout ends,
# with a higher receive count and a new receipt handle.
aws sqs create-queue --queue-name work --attributes VisibilityTimeout=5
aws sqs send-message --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/work --message-body "resize photo 17"
aws sqs receive-message --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/work --attribute-names ApproximateReceiveCount --query 'Messages[0].[Body,Attributes.ApproximateReceiveCount]'
# in flight: nothing to receive, the message counts as not visible
aws sqs receive-message --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/work
aws sqs get-queue-attributes --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/work --attribute-names ApproximateNumberOfMessages ApproximateNumberOfMessagesNotVisible
sleep 4
aws sqs receive-message --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/work --query 'length(Messages || `[]`)'
sleep 1
aws sqs receive-message --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/work --attribute-names All --query 'Messages[0].Attributes.{count:ApproximateReceiveCount,sent:SentTimestamp,first:ApproximateFirstReceiveTimestamp}'

# message attribute names: no AWS. or Amazon. prefix, no leading/trailing or doubled period, only [A-Za-z0-9_.-]
Q=$(aws sqs create-queue --queue-name attrs-names --query QueueUrl --output text)
aws sqs send-message --queue-url "$Q" --message-body "m" --message-attributes '{"AWS.trace":{"DataType":"String","StringValue":"x"}}'
aws sqs send-message --queue-url "$Q" --message-body "m" --message-attributes '{"amazon.id":{"DataType":"String","StringValue":"x"}}'
aws sqs send-message --queue-url "$Q" --message-body "m" --message-attributes '{".hidden":{"DataType":"String","StringValue":"x"}}'
aws sqs send-message --queue-url "$Q" --message-body "m" --message-attributes '{"a..b":{"DataType":"String","StringValue":"x"}}'
aws sqs send-message --queue-url "$Q" --message-body "m" --message-attributes '{"has space":{"DataType":"String","StringValue":"x"}}'
aws sqs send-message --queue-url "$Q" --message-body "m" --message-attributes '{"ok_name-1.x":{"DataType":"String","StringValue":"x"}}' --query 'sort(keys(@))'
aws sqs get-queue-attributes --queue-url "$Q" --attribute-names ApproximateNumberOfMessages

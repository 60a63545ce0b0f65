# file:// (text) and fileb:// (bytes) values read the virtual file area that `fanout file
# write` fills; so does Key@=file://NAME in shorthand. Queue URLs are taken as written.
fanout file write body.txt 'hello from file'
fanout file write entries.json '[{"Id":"a","MessageBody":"x"},{"Id":"b","MessageBody":"y"}]'
fanout file write attrs.json '{"color":{"DataType":"String","StringValue":"red"}}'
fanout file write five.txt 5
fanout file list
fanout file show body.txt
echo
aws sqs create-queue --queue-name files
U=https://sqs.us-east-1.amazonaws.com/123456789012/files
aws sqs send-message --queue-url $U --message-body file://body.txt --query MD5OfMessageBody
aws sqs send-message-batch --queue-url $U --entries file://entries.json --query 'Successful[].Id'
aws sqs send-message --queue-url $U --message-body x --message-attributes file://attrs.json --query MD5OfMessageAttributes
aws sqs send-message --queue-url $U --message-body y --message-attributes 'a={DataType=String,StringValue@=file://body.txt}' --query MD5OfMessageAttributes
aws sqs send-message --queue-url $U --message-body z --message-attributes 'b={DataType=Binary,BinaryValue@=fileb://body.txt}' --query MD5OfMessageAttributes
aws sqs receive-message --queue-url $U --max-number-of-messages file://five.txt --message-attribute-names All --query 'Messages[].[Body, MessageAttributes]'

# A file that cannot be read is refused with the AWS CLI's words, and nothing is sent.
fanout file write body.txt 'hello from file'
aws sqs create-queue --queue-name files
U=https://sqs.us-east-1.amazonaws.com/123456789012/files
aws sqs send-message --queue-url $U --message-body file://nope.txt
aws sqs send-message --queue-url $U --message-body fileb://body.txt
aws sqs send-message --queue-url file://body.txt --message-body x
aws sqs send-message --queue-url $U --message-body x --message-attributes 'a={DataType=String,StringValue@=file://nope.txt}'
aws sqs send-message --queue-url $U --message-body x --message-attributes 'a={DataType=String,StringValue@=file://nope.txt'
aws sqs create-queue --cli-input-json file://none.json
aws sqs get-queue-attributes --queue-url $U --attribute-names ApproximateNumberOfMessages
fanout file show nope.txt
fanout file write only-a-name

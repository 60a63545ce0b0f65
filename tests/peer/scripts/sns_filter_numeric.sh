# filter policy numeric matching: a range (> 0, <= 100) and an exact "=" that matches 3 and 3.0 alike
aws sns create-topic --name f-numeric
aws sqs create-queue --queue-name f-numeric-q
aws sns subscribe --topic-arn arn:aws:sns:us-east-1:123456789012:f-numeric --protocol sqs --notification-endpoint arn:aws:sqs:us-east-1:123456789012:f-numeric-q --attributes '{"RawMessageDelivery":"true","FilterPolicy":"{\"price\":[{\"numeric\":[\">\",0,\"<=\",100]}],\"qty\":[{\"numeric\":[\"=\",3]}]}"}'
aws sns publish --topic-arn arn:aws:sns:us-east-1:123456789012:f-numeric --message p100-q3 --message-attributes '{"price":{"DataType":"Number","StringValue":"100"},"qty":{"DataType":"Number","StringValue":"3"}}'
aws sns publish --topic-arn arn:aws:sns:us-east-1:123456789012:f-numeric --message p0.5-q3 --message-attributes '{"price":{"DataType":"Number","StringValue":"0.5"},"qty":{"DataType":"Number","StringValue":"3.0"}}'
aws sns publish --topic-arn arn:aws:sns:us-east-1:123456789012:f-numeric --message p0-q3 --message-attributes '{"price":{"DataType":"Number","StringValue":"0"},"qty":{"DataType":"Number","StringValue":"3"}}'
aws sns publish --topic-arn arn:aws:sns:us-east-1:123456789012:f-numeric --message p100.01-q3 --message-attributes '{"price":{"DataType":"Number","StringValue":"100.01"},"qty":{"DataType":"Number","StringValue":"3"}}'
aws sns publish --topic-arn arn:aws:sns:us-east-1:123456789012:f-numeric --message p50-q4 --message-attributes '{"price":{"DataType":"Number","StringValue":"50"},"qty":{"DataType":"Number","StringValue":"4"}}'
aws sqs receive-message --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/f-numeric-q --max-number-of-messages 10 --wait-time-seconds 1 --query 'sort(Messages[].Body)'

# FilterPolicyScope=MessageBody matches keys (nested too) of a JSON message body; a body that is not JSON never matches
aws sns create-topic --name f-body
aws sqs create-queue --queue-name f-body-q
aws sns subscribe --topic-arn arn:aws:sns:us-east-1:123456789012:f-body --protocol sqs --notification-endpoint arn:aws:sqs:us-east-1:123456789012:f-body-q --attributes '{"RawMessageDelivery":"true","FilterPolicyScope":"MessageBody","FilterPolicy":"{\"type\":[\"order\"],\"detail\":{\"amount\":[{\"numeric\":[\">=\",100]}]}}"}'
aws sns publish --topic-arn arn:aws:sns:us-east-1:123456789012:f-body --message '{"type":"order","detail":{"amount":150},"id":1}'
aws sns publish --topic-arn arn:aws:sns:us-east-1:123456789012:f-body --message '{"type":"order","detail":{"amount":20},"id":2}'
aws sns publish --topic-arn arn:aws:sns:us-east-1:123456789012:f-body --message '{"type":"refund","detail":{"amount":150},"id":3}'
aws sns publish --topic-arn arn:aws:sns:us-east-1:123456789012:f-body --message '{"type":"order","amount":150,"id":4}'
aws sns publish --topic-arn arn:aws:sns:us-east-1:123456789012:f-body --message 'type=order amount=150' --message-attributes '{"type":{"DataType":"String","StringValue":"order"}}'
aws sqs receive-message --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/f-body-q --max-number-of-messages 10 --wait-time-seconds 1 --query 'Messages[].Body'

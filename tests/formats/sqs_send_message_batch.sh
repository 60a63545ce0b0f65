# One entry succeeds, one has a delay out of range, one an empty body.
aws sqs create-queue --queue-name q --query QueueUrl --output text
aws sqs send-message-batch --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/q --entries Id=ok,MessageBody=fine Id=late,MessageBody=x,DelaySeconds=901 Id=empty,MessageBody= --output "$FORMAT"
aws sqs send-message-batch --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/q --entries Id=a,MessageBody=one Id=b,MessageBody=two --output "$FORMAT"

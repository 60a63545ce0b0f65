# batch requests refused whole: empty, more than 10 entries, repeated Id, Id with bad characters or too long
Q=$(aws sqs create-queue --queue-name batch-bad --query QueueUrl --output text)
aws sqs send-message-batch --queue-url "$Q" --entries '[]'
aws sqs send-message-batch --queue-url "$Q" --entries Id=m1,MessageBody=1 Id=m2,MessageBody=2 Id=m3,MessageBody=3 Id=m4,MessageBody=4 Id=m5,MessageBody=5 Id=m6,MessageBody=6 Id=m7,MessageBody=7 Id=m8,MessageBody=8 Id=m9,MessageBody=9 Id=m10,MessageBody=10 Id=m11,MessageBody=11
aws sqs send-message-batch --queue-url "$Q" --entries Id=same,MessageBody=1 Id=same,MessageBody=2
aws sqs send-message-batch --queue-url "$Q" --entries Id=bad.id,MessageBody=1
aws sqs send-message-batch --queue-url "$Q" --entries Id=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa,MessageBody=1
aws sqs delete-message-batch --queue-url "$Q" --entries '[]'
aws sqs change-message-visibility-batch --queue-url "$Q" --entries '[]'
aws sqs get-queue-attributes --queue-url "$Q" --attribute-names ApproximateNumberOfMessages

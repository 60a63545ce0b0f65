# publish-batch refused whole: repeated Id (BatchEntryIdsNotDistinct), 11 entries (TooManyEntriesInBatchRequest), no entries (EmptyBatchRequest); nothing is delivered
aws sns create-topic --name batch-bad
aws sqs create-queue --queue-name batch-bad-q
aws sns subscribe --topic-arn arn:aws:sns:us-east-1:123456789012:batch-bad --protocol sqs --notification-endpoint arn:aws:sqs:us-east-1:123456789012:batch-bad-q --attributes RawMessageDelivery=true
aws sns publish-batch --topic-arn arn:aws:sns:us-east-1:123456789012:batch-bad --publish-batch-request-entries Id=same,Message=one Id=same,Message=two
aws sns publish-batch --topic-arn arn:aws:sns:us-east-1:123456789012:batch-bad --publish-batch-request-entries Id=m1,Message=1 Id=m2,Message=2 Id=m3,Message=3 Id=m4,Message=4 Id=m5,Message=5 Id=m6,Message=6 Id=m7,Message=7 Id=m8,Message=8 Id=m9,Message=9 Id=m10,Message=10 Id=m11,Message=11
aws sns publish-batch --topic-arn arn:aws:sns:us-east-1:123456789012:batch-bad --publish-batch-request-entries '[]'
aws sqs get-queue-attributes --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/batch-bad-q --attribute-names ApproximateNumberOfMessages

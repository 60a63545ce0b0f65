# server-side encryption: SQS-managed by default; a KMS key replaces it; KmsDataKeyReusePeriodSeconds is 60..86400
Q=$(aws sqs create-queue --queue-name sse-default --query QueueUrl --output text)
aws sqs get-queue-attributes --queue-url "$Q" --attribute-names SqsManagedSseEnabled KmsMasterKeyId KmsDataKeyReusePeriodSeconds
K=$(aws sqs create-queue --queue-name sse-kms --attributes KmsMasterKeyId=alias/aws/sqs --query QueueUrl --output text)
aws sqs get-queue-attributes --queue-url "$K" --attribute-names SqsManagedSseEnabled KmsMasterKeyId KmsDataKeyReusePeriodSeconds
aws sqs create-queue --queue-name sse-short --attributes KmsMasterKeyId=alias/aws/sqs,KmsDataKeyReusePeriodSeconds=59
aws sqs create-queue --queue-name sse-long --attributes KmsMasterKeyId=alias/aws/sqs,KmsDataKeyReusePeriodSeconds=86401
aws sqs set-queue-attributes --queue-url "$K" --attributes KmsDataKeyReusePeriodSeconds=86400
aws sqs set-queue-attributes --queue-url "$Q" --attributes SqsManagedSseEnabled=false
aws sqs get-queue-attributes --queue-url "$Q" --attribute-names SqsManagedSseEnabled
aws sqs get-queue-attributes --queue-url "$K" --attribute-names KmsDataKeyReusePeriodSeconds

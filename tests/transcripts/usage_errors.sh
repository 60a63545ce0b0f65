# Usage errors the AWS CLI gives before it calls anything (status 252), each as it
# prints them: missing command or operation, options before them, missing values,
# bad choices, bad numbers for the CLI's own options, bad JSON and shorthand.
aws
aws sqs
aws sns
aws sqs --bogus
aws --bogus sqs list-queues
aws sqs send-message --queue-url
aws sns publish --message m --topic-arn
aws sns frob
aws sns subscribe --topic-arn t --protocol sqs --return-subscription-arn yes
aws sns list-topics --max-items 1.5
aws sqs list-queues --generate-cli-skeleton foo
aws sqs send-message --queue-url u --message-body b --generate-cli-skeleton input extra
aws sqs send-message --queue-url u --message-body b --cli-binary-format hex
aws sns publish --topic-arn t --message m --message-attributes 'a={DataType=String,StringValue=x'
aws sns publish --topic-arn t --message m --message-attributes '{"a":'
aws sns publish-batch --topic-arn t --publish-batch-request-entries Id=1
aws sqs list-queues foo --bogus

# Help is `help` alone after aws, a service or an operation. Anything else is parsed as
# options: the operation's required options are missing first, then unknown words.
aws help foo
aws sqs send-message help foo
aws sqs send-message --queue-url u help
aws sqs send-message --queue-url u --message-body b help
aws sqs help foo

# `aws help` and its topics print to stdout and succeed.
aws help
aws help topics
aws help return-codes

# A course line pasted with its placeholder left in: the script is refused before it runs,
# with a message that says what to do (bash would read `<queue-url>` as a redirection).
aws sqs create-queue --queue-name url2png
aws sqs send-message --queue-url <queue-url> \  
  --message-body "I bought a coffee for <your-name>"

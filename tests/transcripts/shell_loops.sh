# for, while and until loops, break and continue, brace ranges and seq.
for i in 1 2 3; do echo -n "$i "; done; echo
for w in "a b" c{1..3}d {x,y}; do
  echo "[$w]"
done
for n in {01..10..3} {c..a}; do echo -n "$n "; done; echo
for n in $(seq 3) $(seq 8 -3 1); do echo -n "$n "; done
echo
for none in; do echo never; done
i=0
while [ $i -lt 5 ]; do
  i=$((i + 1))
  if [ $i -eq 2 ]; then continue; fi
  if [ $i -eq 4 ]; then break; fi
  echo "while $i"
done
until [ $i -eq 0 ]; do i=$((i - 1)); done
echo "i is $i"
for outer in a b c; do
  for inner in 1 2 3; do
    [ $inner = 2 ] && continue 2
    [ $outer = c ] && break 2
    echo "$outer$inner"
  done
done
echo "after loops: $outer $inner status $?"
Q=$(aws sqs create-queue --queue-name loops --query QueueUrl --output text)
for n in {1..3}; do aws sqs send-message --queue-url "$Q" --message-body "m$n" --query MD5OfMessageBody --output text; done
for body in $(aws sqs receive-message --queue-url "$Q" --max-number-of-messages 10 --query 'Messages[].Body' --output text); do
  echo "got $body"
done
break
echo "break outside a loop: status $?"

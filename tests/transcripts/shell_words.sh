#!/bin/bash
# Comments, quotes, escapes, continuations, variables and command substitution.
echo plain 'single $HOME "x"' "double 'y' \$ \" \\ \`" back\ slash # a comment
echo a#b "#not a comment"
NAME=world
export GREETING="hello $NAME" OTHER
echo "$GREETING" ${GREETING} "${NAME}s" $NAME's' "\$NAME"
echo one \
  two \
  three
LIST="a   b
c"
echo $LIST
echo "$LIST"
EMPTY=
echo [$EMPTY] ["$EMPTY"] "" '' x
printf_free=$(echo "inner 'quoted'"; echo second)
echo "$printf_free"
NESTED=$(echo $(echo deep) "$(echo er)")
echo $NESTED
A=1 B=2; echo $A$B
echo "$(false)" status $?
Q=$(aws sqs create-queue --queue-name words --query QueueUrl --output text)
echo "queue: $Q"
echo price: $ 5 "$"

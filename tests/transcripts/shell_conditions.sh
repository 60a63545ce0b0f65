# if/elif/else, test and [ ] with every operator, && || !, $? and true/false.
X=5
if [ $X -gt 3 ]; then echo "gt"; fi
if [ $X -lt 3 ]; then echo "lt"; elif [ $X -eq 5 ]; then echo "eq"; else echo "else"; fi
if test $X -ne 5; then echo ne; else echo "not ne"; fi
for op in -eq -ne -lt -le -gt -ge; do
  if [ 4 $op 5 ]; then echo "4 $op 5: yes"; else echo "4 $op 5: no"; fi
done
[ abc = abc ] && echo "= holds"
[ abc != abd ] && echo "!= holds"
[ -z "" ] && echo "-z holds"
[ -n "x" ] && echo "-n holds"
[ ! -n "" ] && echo "! -n holds"
[ "" ] || echo "empty string is false"
[ "$X" = -n ] || echo "compares strings, not an option"
true; echo "true $?"
false; echo "false $?"
! true; echo "! true $?"
false || echo "|| runs on failure"
true || echo never
false && echo never
true && false || echo "&& then ||"
if aws sqs get-queue-url --queue-name nope; then echo found; else echo "missing queue: status $?"; fi
aws sqs create-queue --queue-name cond --query QueueUrl --output text && echo "created: status $?"
[ 1 -eq one ]; echo "bad integer: status $?"
[ 1 -eq 1; echo "missing bracket: status $?"
[ a b c ]; echo "binary operator expected: status $?"
test -f file; echo "file tests are refused (Fanout has no files): status $?"
test -q x; echo "unknown unary: status $?"

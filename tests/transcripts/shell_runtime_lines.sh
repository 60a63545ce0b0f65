# Runtime errors name the line the command starts on, inside loops, conditions,
# substitutions and after continuations.
for i in 1 2; do
  echo "pass $i"
  nosuch-command $i
done
if true; then
  [ x -lt 1 ] ||
    echo "on line 8"
fi
echo one \
  two \
  three; sleep forever
X=$(
  echo in
  sleep a b
)
i=0
while [ $i -lt 1 ]; do i=$((i + 1)); Y=$((i / 0)); done
fanout nonsense
exit 4
echo never

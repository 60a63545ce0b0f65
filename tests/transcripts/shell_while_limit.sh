# A loop without a bound stops at 100,000 iterations with an error naming its line;
# the script ends there.
echo before
n=0
while true; do
  n=$((n + 1))
done
echo never

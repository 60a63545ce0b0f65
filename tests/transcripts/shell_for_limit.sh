# A for loop over more than 100,000 words is refused before its first iteration.
echo before
for i in $(seq 100001); do
  echo never
done
echo never

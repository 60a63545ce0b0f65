# Nested loops may not run more than 1,000,000 commands in all: the error names the
# innermost loop's line.
for i in {1..11}; do
  for j in {1..100000}; do
    :
  done
done
echo never

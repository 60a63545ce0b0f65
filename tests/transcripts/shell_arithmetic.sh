# $((...)): + - * / % **, comparisons, logic, parentheses, variables.
a=7; b=3
echo $((a + b)) $((a - b)) $((a * b)) $((a / b)) $((a % b)) $((-a / b)) $((-a % b)) $((b ** 4))
echo $(( (a + b) * 2 )) $((a > b)) $((a <= b)) $((a == 7)) $((a != 7)) $((a > 1 && b > 5)) $((a > 1 || b > 5)) $((!0))
echo $(($a + ${b})) $((010 + 0x10)) $((unset_var + 1)) $((9223372036854775807 + 1))
n=0; n=$((n + 1)); n=$((n * 10)); echo "n=$n"
false; echo "status inside: $(($? + 100))"
echo "quoted: $((a * b))"
echo $((a / 0)) never printed
echo "division by zero: status $?"
word=1.5
echo $((word + 1)) never printed
echo "not a number: status $?"
expr="a + b"; indirect=expr
echo "a variable holding an expression: $((indirect * 2)) $((missing + 1))"

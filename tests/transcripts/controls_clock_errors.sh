# Clock errors say what is accepted; the clock does not move.
fanout clock advance
fanout clock advance 30
fanout clock advance 5 s
fanout clock advance -5s
fanout clock advance 1d
fanout clock advance 100000h
fanout clock run-until-idle --max
fanout clock run-until-idle --max soon
fanout clock run-until-idle --until 5m
fanout clock speed
fanout clock speed 3x
fanout clock rewind 5s
fanout clock

#!/bin/sh
# t_golden.sh - trend and remind say what the tree before the "one model"
# restructuring said (tests/golden/, made by tests/golden.sh from that
# tree) on the example, the demo over ten years and twenty couples.
. "$top/tests/lib.sh"

begin 'trend and remind agree with tests/golden, file by file'
runsh 'sh "$top/tests/golden.sh" now && diff -r "$top/tests/golden" now && echo same'
out 'same'
err ''
status 0
end

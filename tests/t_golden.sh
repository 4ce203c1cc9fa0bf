#!/bin/sh
# t_golden.sh - trend gives the figures the tree before the "one model"
# restructuring gave (tests/golden/, made by tests/golden.sh with that
# tree's trend) on the example, ten years of the demo and twenty couples.
. "$top/tests/lib.sh"

begin 'the figures and series agree with tests/golden, file by file'
runsh 'sh "$top/tests/golden.sh" now && diff -r "$top/tests/golden" now && echo same'
out 'same'
err ''
status 0
end

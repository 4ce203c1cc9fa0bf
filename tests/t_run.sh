#!/bin/sh
# t_run.sh - the runner itself: what run.sh counts, and how lib.sh's skip
# is counted.  Each case runs a copy of run.sh and lib.sh on a tree of
# its own, holding only the test files the case writes.
. "$top/tests/lib.sh"

# tree: a tree with the runner in it, and no unit tests
tree() {
	mkdir -p tree/tests
	cp "$top/tests/run.sh" "$top/tests/lib.sh" tree/tests/
}

begin 'run.sh: a skipped case is counted as skipped, not passed, and its reason shown'
tree
cat > tree/tests/t_a.sh <<'EOF'
. "$top/tests/lib.sh"
begin 'one that passes'
run true
status 0
end
begin 'one that cannot run here'
if false; then
	run true
	end
else
	skip 'no such tool here'
fi
begin 'one that fails'
run false
status 0
end
begin 'a skip before its end prints one line'
skip 'also missing'
end
EOF
run sh tree/tests/run.sh
out 'tests/t_a.sh: ok - one that cannot run here # SKIP no such tool here
tests/t_a.sh: not ok - one that fails: exit status 1, want 0; stderr: 
tests/t_a.sh: ok - a skip before its end prints one line # SKIP also missing
2 skipped
1 passed, 1 failed'
err ''
status 1
end

begin 'run.sh: with nothing failed it exits 0, skips or not; a file that dies is a failure'
tree
cat > tree/tests/t_a.sh <<'EOF'
. "$top/tests/lib.sh"
begin 'fine'
run true
end
begin 'skipped'
skip 'not here'
EOF
run sh tree/tests/run.sh
out 'tests/t_a.sh: ok - skipped # SKIP not here
1 skipped
1 passed, 0 failed'
err ''
status 0
printf '. "$top/tests/lib.sh"\nbegin x\nrun true\nend\nexit 3\n' > tree/tests/t_b.sh
run sh tree/tests/run.sh
out 'tests/t_a.sh: ok - skipped # SKIP not here
not ok - tests/t_b.sh exited with status 3
1 skipped
2 passed, 1 failed'
status 1
end

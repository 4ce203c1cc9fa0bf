#!/bin/sh
# run.sh - run hearth's test suite: the C unit tests, then every tests/t_*.sh.
# Each prints TAP-like lines ("ok - ...", "not ok - ...", and for a case
# that cannot run here "ok - ... # SKIP why"); a file that dies before
# saying it finished counts as a failure.  A skipped case is counted as
# skipped, not passed, and its reason is shown.  The last two lines are
# "N skipped" and, alone at the end as CI reads it, "N passed, N failed".
top=$(cd "$(dirname "$0")/.." && pwd) || exit 2
cd "$top" || exit 2
export top
pass=0 fail=0 skip=0
out=$(mktemp) || exit 2
trap 'rm -f "$out"' EXIT INT TERM
only=${1:-}
for t in tests/unit_core tests/unit_stats tests/t_*.sh; do
	[ -e "$t" ] || continue
	case $t in *"$only"*) ;; *) continue ;; esac
	# on a terminal, the file running now, so a long run is not silent
	[ -t 1 ] && printf '\r%-40s\r' "$t ..."
	case $t in
	*.sh) sh "$t" >"$out" 2>&1 </dev/null; rc=$? ;;
	*) $HEARTH_WRAP_UNIT "./$t" >"$out" 2>&1 </dev/null; rc=$? ;;
	esac
	[ -t 1 ] && printf '\r%-40s\r' ''
	s=$(grep -c '^ok .* # SKIP' "$out")
	p=$(($(grep -c '^ok ' "$out") - s))
	f=$(grep -c '^not ok ' "$out")
	# every line but a plain pass: failures, skips and what else was said
	sed -n -e '/^ok .* # SKIP/p' -e '/^ok /!p' "$out" | sed "s|^|$t: |"
	if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
		echo "not ok - $t exited with status $rc"
		f=1
	fi
	pass=$((pass + p)) fail=$((fail + f)) skip=$((skip + s))
done
echo "$skip skipped"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]

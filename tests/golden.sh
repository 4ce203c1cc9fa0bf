#!/bin/sh
# golden.sh DIR [BIN] - write trend's figures and series for the example,
# the demo over ten years and twenty couples into DIR, one file per
# command, with the programs in BIN (default: this tree's bin/), so that a
# restructuring can be compared with the tree before it: tests/golden/
# holds what the tree before "one model" printed (its bin/ as BIN), and
# t_golden.sh compares.  The flags column is left out: the early warnings
# replaced the flags since; the figures keep their definitions.
top=$(cd "$(dirname "$0")/.." && pwd) || exit 2
dir=$1
bin=${2:-$top/bin}
[ -n "$dir" ] || { echo "usage: golden.sh DIR [BIN]" >&2; exit 2; }
mkdir -p "$dir" || exit 2
PATH=$bin:$top/tests:$PATH
LC_ALL=C TZ=UTC0 HEARTH_NOW=2026-11-26T21:04:00+01:00 HEARTH_WHO=alex
HOME=/nonexistent XDG_CONFIG_HOME=/nonexistent
export PATH LC_ALL TZ HEARTH_NOW HEARTH_WHO HOME XDG_CONFIG_HOME
unset HEARTH_SEED HEARTH_BANK HEARTH_JOURNAL NO_COLOR LANG LC_CTYPE
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
ex=$top/tests/example.tsv
gen -D -n 3650 > "$tmp/ten.tsv"
gen -c 20 -n 200 -s 7 > "$tmp/twenty.tsv"
# one NAME COMMAND...: its output and status, without a flags column; a big
# output is kept as its cksum
one() {
	name=$1; shift
	"$@" > "$dir/$name.tmp" 2>&1
	echo "status $?" >> "$dir/$name.tmp"
	case $name in
	trend-s*) mv "$dir/$name.tmp" "$dir/$name" ;;
	*) cut -f 1-10 "$dir/$name.tmp" > "$dir/$name" && rm -f "$dir/$name.tmp" ;;
	esac
	if [ "$(wc -c < "$dir/$name")" -gt 200000 ]; then
		cksum < "$dir/$name" > "$dir/$name.cksum" && rm -f "$dir/$name"
	fi
}
for j in ex ten twenty; do
	case $j in ex) f=$ex ;; *) f=$tmp/$j.tsv ;; esac
	one trend-$j trend "$f"
	one trend-n30-$j trend -n 30 "$f"
	one trend-n400-$j trend -n 400 "$f"
	one trend-s-$j trend -s "$f"
	one trend-sw-$j trend -s -b week "$f"
done

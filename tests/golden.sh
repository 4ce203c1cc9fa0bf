#!/bin/sh
# golden.sh DIR - write what trend and remind say about the example, the
# demo and the generator's journals into DIR, one file per command, so that
# a restructuring can be compared with the tree before it (tests/golden/
# holds the outputs of the tree before "one model"; t_golden.sh compares).
top=$(cd "$(dirname "$0")/.." && pwd) || exit 2
dir=$1
[ -n "$dir" ] || { echo "usage: golden.sh DIR" >&2; exit 2; }
mkdir -p "$dir" || exit 2
PATH=$top/bin:$top/tests:$PATH
LC_ALL=C TZ=UTC0 HEARTH_NOW=2026-11-26T21:04:00+01:00 HEARTH_WHO=alex
HOME=/nonexistent XDG_CONFIG_HOME=/nonexistent
export PATH LC_ALL TZ HEARTH_NOW HEARTH_WHO HOME XDG_CONFIG_HOME
unset HEARTH_SEED HEARTH_BANK HEARTH_JOURNAL NO_COLOR LANG LC_CTYPE
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
ex=$top/tests/example.tsv
gen -D -n 3650 > "$tmp/ten.tsv"
gen -c 20 -n 200 -s 7 > "$tmp/twenty.tsv"
# one NAME COMMAND...: its output and status; a big output is kept as its cksum
one() {
	name=$1; shift
	"$@" > "$dir/$name" 2>&1
	echo "status $?" >> "$dir/$name"
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
	one trend-c-$j trend -c "$f"
	one trend-g-$j trend -g "$f"
	d=0
	: > "$dir/remind-$j"
	while [ $d -lt 40 ]; do
		day=$(HEARTH_NOW=2026-11-26T21:04:00+01:00 date -u -d "2026-11-26 - $d days" +%Y-%m-%d)
		remind -d "$day" "$f" >> "$dir/remind-$j" 2>&1
		echo "status $? $day" >> "$dir/remind-$j"
		d=$((d + 1))
	done
done

#!/bin/sh
# demo.sh - `make demo`: the whole routine on the bundled example journal,
# tests/example.tsv (alex and sam, 120 days; gen -D makes it): an evening
# check-in going into a journal, tonight's question, the weekly look at the
# chart, and what remind would say today.
top=$(cd "$(dirname "$0")/.." && pwd) || exit 1
PATH=$top/bin:$PATH
HEARTH_NOW=2026-11-26T21:04:00+01:00
export PATH HEARTH_NOW
unset HEARTH_BANK HEARTH_JOURNAL
XDG_CONFIG_HOME=$(mktemp -d) || exit 1	# the built-in bank and rules only
export XDG_CONFIG_HOME
trap 'rm -rf "$XDG_CONFIG_HOME"' EXIT
journal=$XDG_CONFIG_HOME/journal.tsv
cp "$top/tests/example.tsv" "$journal" && chmod 600 "$journal" || exit 1

say() { printf '\n\033[1m%s\033[0m\n' "$*" | { [ -t 1 ] && cat || sed 's/\x1b\[[0-9;]*m//g'; }; }

say '$ ask -p            # tonight'"'"'s question, the same for both of you'
ask -p || exit 1

say '$ ask -P | log -w alex -a journal.tsv   # alex answers it; sam has not yet'
printf 'You have started saying what you need out loud, instead of waiting for me to guess. I love watching that.\n' |
    ask -P | log -w alex -a "$journal" || exit 1
say '$ ask -r -w sam journal.tsv                # sam looks: yours first'
ask -r -w sam "$journal"

say '$ ask -P | log -w sam -a journal.tsv; ask -r -w sam journal.tsv'
printf 'You laugh more easily now, even at yourself. It makes our kitchen lighter.\n' |
    ask -P | log -w sam -a "$journal" || exit 1
ask -r -w sam "$journal" || exit 1

say '$ printf "4\n5\n4\n3\n25\n2\n4\n4\n" | ask | log -w alex -a journal.tsv'
printf '4\n5\n4\n3\n25\n2\n4\n4\n' | ask | log -w alex -a "$journal" || exit 1
tail -n 8 "$journal"

say '$ trend -c journal.tsv        # the weekly look, together'
trend -c "$journal" || exit 1

say '$ trend -m touch,hugs,close journal.tsv'
trend -m touch,hugs,close "$journal" || exit 1

say '$ for d in $(seq 13 26); do remind -d 2026-11-$d journal.tsv; done   # what cron mailed'
for d in 13 14 15 16 17 18 19 20 21 22 23 24 25 26; do
	# at home in the journal's folder, so the Sunday message names ~/journal.tsv
	HOME=$XDG_CONFIG_HOME remind -d 2026-11-$d "$journal" || exit 1
done

say 'The journal is plain text: see tests/example.tsv.  The tour: man man/hearth.7'


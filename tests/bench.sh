#!/bin/sh
# bench.sh - how fast hearth is, next to the tools a user would otherwise
# reach for (make bench).
#
# It generates its journals once under build/bench/ with tests/gen (the file
# names carry the generator's checksum and arguments, so they are reused
# until either changes), then times each command several times and prints,
# per command, the median wall time, the median CPU time (user + system),
# the throughput (input MB per second of wall time), the peak RSS, and the
# ratios against `wc -l` and mawk on the same input. The table goes to
# standard output and to build/bench/results.txt.
#
# Commands that finish in under a quarter of a second run in a loop inside
# one timing (the figure is the mean of one pass), so /usr/bin/time's 10 ms
# resolution does not swamp them; startup on empty input is always the mean
# of 200 runs. A command whose first run takes 5 s or more runs 3 times,
# not 5, unless BENCH_RUNS says otherwise (the slow peers would otherwise
# take most of the time).
#
# The machine should be idle: on a busy one wall times grow while CPU times
# hardly do; the table says so when mawk on a big file, which uses one core,
# waited for one.
#
# Environment: BENCH_RUNS (runs per command, default 5), BENCH_QUICK=1 (a
# tenth of the sizes, for a smoke run). Needs GNU time at /usr/bin/time.
#
# Exit status: 0 when every hearth tool that is built succeeded (a missing
# peer is only reported), 1 when a hearth tool failed or a file-read and a
# pipe-read of trend disagree, since then the figures mean nothing.

# The commands timed are sh command lines in single quotes, expanded by the
# sh that runs them, from exported variables:
# shellcheck disable=SC2016

top=$(cd "$(dirname "$0")/.." && pwd) || exit 1
cd "$top" || exit 1

B=build/bench
O=$B/out
A=$B/append
ROWS=$B/rows.tsv
SECS=$B/sections.tsv
RES=$B/results.txt
TAB=$(printf '\t')
ASOF=2026-11-26
RUNS=${BENCH_RUNS:-5}
INSTALL='not installed (apt-get install mawk gawk datamash miller)'

# TZ stays the user's (Miller runs with TZ empty: it refuses a POSIX TZ
# such as UTC0); the hearth tools are given their dates.
export LC_ALL=C NO_COLOR=1
export HEARTH_NOW=2026-11-26T21:04:00+01:00 HEARTH_WHO=bench HEARTH_SEED=0
# The built-in reminder rules, not the user's own.
export XDG_CONFIG_HOME="$top/$B/no-config"
export B O A TAB ASOF
export AWKPROG='!/^#/ { n[$2 FS $3]++; s[$2 FS $3] += $4 } END { for (k in n) print k, n[k], s[k]/n[k] }'
export STAMPPROG='{ print p $0 }'
export STAMP="$HEARTH_NOW${TAB}bench$TAB"
export ASK=bin/ask LOG=bin/log TREND=bin/trend REMIND=bin/remind

die() {
	echo "bench: $*" >&2
	exit 1
}

now() {
	awk 'BEGIN { srand(); print srand() }'
}

case $RUNS in
'' | *[!0-9]* | 0) die "BENCH_RUNS must be a positive number, not '$RUNS'" ;;
esac
[ -x /usr/bin/time ] || die "needs GNU time at /usr/bin/time (apt-get install time)"
[ -x tests/gen ] || die "tests/gen is not built: run make tests/gen (or make bench)"

if [ "${BENCH_QUICK:-0}" = 1 ]; then
	COUPLES=100 BATCHLINES=100000 YEARS=365 WIDE=10000 QUICK=" (BENCH_QUICK: a tenth of the sizes)"
else
	COUPLES=1000 BATCHLINES=1000000 YEARS=3650 WIDE=100000 QUICK=
fi

start=$(now)
load0=$(cut -d' ' -f1-3 /proc/loadavg 2> /dev/null)
mkdir -p "$O" "$A" || exit 1
: > "$ROWS"
: > "$SECS"
failed=0

# Journals are keyed by the generator's source and arguments; stale ones go.
key=$(cksum < tests/gen.c | awk '{ print $1 }')
for f in "$B"/gen-*.tsv; do
	case $f in
	"$B/gen-$key-"*) ;;
	*) rm -f "$f" ;;
	esac
done

# journal ARGS...: set f to the path of the journal `gen ARGS` writes,
# making it only when it is not there yet.
journal() {
	f=$B/gen-$key$(printf '%s' "$*" | tr -d ' ').tsv
	if [ ! -s "$f" ]; then
		echo "  generating $f: tests/gen $*"
		if ! tests/gen "$@" > "$f.tmp" || ! mv "$f.tmp" "$f"; then
			rm -f "$f.tmp"
			die "tests/gen $* failed"
		fi
	else
		echo "  reusing $f"
	fi
	cat "$f" > /dev/null	# into the page cache
}

size() {
	wc -c < "$1" | tr -d ' '
}

# section ID TITLE: start a section of the table.
section() {
	sec=$1
	printf '%s\t%s\n' "$1" "$2" >> "$SECS"
	printf '\n== %s\n' "$2"
}

# skip ID LABEL NOTE: a row that did not run.
skip() {
	printf '%s\t%s\t%s\t-\t-\t-\t-\t-\t%s\n' "$sec" "$1" "$2" "$3" >> "$ROWS"
	printf '  %-52s %s\n' "$2" "$3"
}

# timed K CMD: run CMD K times in one timing; sets wall, cpu, rss (KiB) and
# st (the exit status).
timed() {
	/usr/bin/time -f '%e %U %S %M' -o "$B/time.out" sh -c '
		i=0
		while [ "$i" -lt "$1" ]; do
			eval "$2" || exit
			i=$((i + 1))
		done' sh "$1" "$2" 2> "$errf"
	st=$?
	tail -n 1 "$B/time.out" > "$B/time.last"
	read -r wall usr sys rss < "$B/time.last"
	cpu=$(awk -v u="$usr" -v s="$sys" 'BEGIN { print u + s }')
}

# bench ID KIND BYTES LABEL CMD [K]: time CMD (a sh command line) and add a
# row. KIND is hearth (a failure fails the benchmark), peer or base. BYTES
# is the input size (0: no throughput). K fixes the loop count; without it
# the loop grows until one timing takes a quarter of a second.
bench() {
	id=$1 kind=$2 bytes=$3 label=$4 cmd=$5 k=${6:-}
	errf=$O/$id.err
	printf '  %-52s ' "$label"
	rm -f "$A"/*
	if [ -n "$k" ]; then
		timed "$k" "$cmd"
	else
		k=1
		timed "$k" "$cmd"
		while [ "$st" = 0 ] && [ "$(awk -v w="$wall" 'BEGIN { print (w < 0.25) }')" = 1 ] &&
		    [ "$k" -lt 100000 ]; do
			k=$(awk -v k="$k" -v w="$wall" 'BEGIN {
				n = w < 0.02 ? k * 20 : int(k * 0.35 / w) + 1
				print (n > k ? n : k + 1) }')
			rm -f "$A"/*
			timed "$k" "$cmd"
		done
	fi
	if [ "$st" != 0 ]; then
		printf 'FAILED (exit %s)\n' "$st"
		sed -n '1,5s/^/    /p' "$errf"
		printf '%s\t%s\t%s\t-\t-\t-\t-\t-\t%s\n' "$sec" "$id" "$label" \
		    "FAILED (exit $st)" >> "$ROWS"
		[ "$kind" = hearth ] && failed=1
		return 1
	fi
	n=$RUNS
	if [ -z "${BENCH_RUNS:-}" ] && [ "$n" -gt 3 ] &&
	    [ "$(awk -v w="$wall" 'BEGIN { print (w >= 5) }')" = 1 ]; then
		n=3
	fi
	walls="$wall" cpus="$cpu" peak=$rss r=1
	while [ "$r" -lt "$n" ]; do
		rm -f "$A"/*
		timed "$k" "$cmd"
		if [ "$st" != 0 ]; then
			printf 'FAILED on run %s (exit %s)\n' "$((r + 1))" "$st"
			sed -n '1,5s/^/    /p' "$errf"
			printf '%s\t%s\t%s\t-\t-\t-\t-\t-\t%s\n' "$sec" "$id" \
			    "$label" "FAILED (exit $st)" >> "$ROWS"
			[ "$kind" = hearth ] && failed=1
			return 1
		fi
		walls="$walls $wall" cpus="$cpus $cpu"
		[ "$rss" -gt "$peak" ] && peak=$rss
		r=$((r + 1))
	done
	rm -f "$A"/*
	med=$(echo "$walls" | tr ' ' '\n' | sort -n | awk -v k="$k" '
		{ v[NR] = $1 }
		END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) / k }')
	medcpu=$(echo "$cpus" | tr ' ' '\n' | sort -n | awk -v k="$k" '
		{ v[NR] = $1 }
		END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) / k }')
	note=
	[ "$k" -gt 1 ] && note="mean of $k"
	printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$sec" "$id" "$label" \
	    "$n" "$med" "$medcpu" "$bytes" "$peak" "$note" >> "$ROWS"
	awk -v t="$med" -v m="$peak" -v n="$n" -v k="$k" -v w="$walls" 'BEGIN {
		printf "%s", (t >= 1 ? sprintf("%.2f s", t) : t >= 0.01 ? sprintf("%.1f ms", t * 1000) : sprintf("%.2f ms", t * 1000))
		printf ", %.1f MiB (%d run%s", m / 1024, n, (n > 1 ? "s" : "")
		if (k > 1)
			printf " of %d", k
		printf ": %s s)\n", w }'
	return 0
}

# have PROG: whether a peer is installed.
have() {
	command -v "$1" > /dev/null 2>&1
}

# built PROG: whether a hearth program is built; says so when not.
built() {
	[ -x "bin/$1" ] && return 0
	skip "$1" "$1" "not built yet: skipped (make bin/$1)"
	return 1
}

# peers ID BYTES FILE: the baselines on a file, wc -l and the mawk group-by.
baselines() {
	export IN="$3"
	bench "wc$1" base "$2" "wc -l" 'wc -l "$IN" > "$O/wc'"$1"'.out"'
	if have mawk; then
		bench "mawk$1" base "$2" "mawk: count, mean by who,what" \
		    'mawk -F "$TAB" "$AWKPROG" "$IN" > "$O/mawk'"$1"'.out"'
	else
		skip "mawk$1" "mawk" "$INSTALL"
	fi
}

echo "hearth benchmark$QUICK: $RUNS runs per command (BENCH_RUNS)"
echo "generating the journals under $B (once)"
journal -c "$COUPLES" -n 640
BIG=$f
journal -c "$COUPLES" -n 90 -r 8
WORST=$f
journal -D -n "$YEARS"
TEN=$f
BATCH=$B/batch-$BATCHLINES.tsv
if [ ! -s "$BATCH" ]; then
	echo "  generating $BATCH: $BATCHLINES answers" >&2
	awk -v n="$BATCHLINES" 'BEGIN { for (i = 0; i < n; i++) print "touch\t4\tsome note" }' \
	    > "$BATCH.tmp" || die "cannot write $BATCH"
	mv "$BATCH.tmp" "$BATCH" || die "cannot write $BATCH"
fi
export BIG WORST TEN BATCH
bigsz=$(size "$BIG") worstsz=$(size "$WORST") tensz=$(size "$TEN")
batchsz=$(size "$BATCH")

# records FILE: its records (lines but the header), with thousands commas.
records() {
	wc -l < "$1" | awk '{
		n = sprintf("%d", $1 - 1)
		while (n ~ /[0-9][0-9][0-9][0-9]/)
			sub(/[0-9][0-9][0-9]($|,)/, ",&", n)
		print n }'
}
mb() {
	awk -v b="$1" 'BEGIN { printf "%.1f MB", b / 1e6 }'
}

section big "$(records "$BIG") records, $COUPLES couples over 640 days (gen -c $COUPLES -n 640), $(mb "$bigsz")"
baselines 1 "$bigsz" "$BIG"
if have gawk; then
	bench gawk1 peer "$bigsz" "gawk: same" \
	    'gawk -F "$TAB" "$AWKPROG" "$IN" > "$O/gawk1.out"'
else
	skip gawk1 gawk "$INSTALL"
fi
if have datamash; then
	bench datamash1 peer "$bigsz" "datamash --header-in -s -g 2,3 count 4 mean 4" \
	    'datamash --header-in -s -g 2,3 count 4 mean 4 < "$IN" > "$O/datamash1.out"'
else
	skip datamash1 datamash "$INSTALL"
fi
if have mlr; then
	bench mlr1 peer "$bigsz" "mlr --tsv stats1 -a count,mean -f value -g who,what" \
	    'TZ= mlr --tsv stats1 -a count,mean -f value -g who,what "$IN" > "$O/mlr1.out"'
else
	skip mlr1 Miller "$INSTALL"
fi
trendok=
if built trend; then
	bench trend1 hearth "$bigsz" "trend -d $ASOF" \
	    '"$TREND" -d "$ASOF" "$BIG" > "$O/trend1.out"' &&
	    trendok=1 &&
	    echo "    ($(wc -l < "$O/trend1.out" | tr -d ' ') lines out)"
	bench trenda1 hearth "$bigsz" "trend -a -d $ASOF" \
	    '"$TREND" -a -d "$ASOF" "$BIG" > "$O/trenda1.out"' &&
	    echo "    ($(($(wc -l < "$O/trenda1.out") - 1)) alerts in force)"
fi
if built remind; then
	bench remind1 hearth "$bigsz" "remind -d $ASOF (built-in rules)" \
	    '"$REMIND" -d "$ASOF" "$BIG" > "$O/remind1.out"' &&
	    echo "    ($(wc -l < "$O/remind1.out" | tr -d ' ') reminders)"
fi

section worst "worst case, every record in the window: $(records "$WORST") records in 90 days (gen -c $COUPLES -n 90 -r 8), $(mb "$worstsz")"
baselines 2 "$worstsz" "$WORST"
if built trend; then
	bench trend2 hearth "$worstsz" "trend -d $ASOF" \
	    '"$TREND" -d "$ASOF" "$WORST" > "$O/trend2.out"' &&
	    echo "    ($(wc -l < "$O/trend2.out" | tr -d ' ') lines out)"
fi

# One person with very many measures: growth must be geometric, memory linear.
section wide "one person with $WIDE measures, one record each on one day"
WIDEJ=$B/wide-$WIDE.tsv
[ -s "$WIDEJ" ] || awk -v n="$WIDE" 'BEGIN { for (i = 0; i < n; i++)
	printf "2026-11-20\talex\tm%07d\t3\n", i }' > "$WIDEJ"
widesz=$(size "$WIDEJ")
export WIDEJ WIDE
if built trend; then
	bench trendw hearth "$widesz" "trend -d $ASOF" \
	    '"$TREND" -d "$ASOF" "$WIDEJ" > "$O/trendw.out"'
	bench trendw2 hearth "$((2 * widesz))" "trend -d $ASOF, twice the measures" \
	    'awk -v n="$WIDE" "BEGIN { for (i = 0; i < 2 * n; i++) printf \"2026-11-20\\talex\\tm%07d\\t3\\n\", i }" | "$TREND" -d "$ASOF" > "$O/trendw2.out"'
fi
if built remind; then
	bench remindw hearth "$widesz" "remind -d $ASOF" \
	    '"$REMIND" -d "$ASOF" "$WIDEJ" > "$O/remindw.out"'
fi

section batch "log: a batch of $BATCHLINES answers (touch TAB 4 TAB some note), $(mb "$batchsz")"
export IN="$BATCH"
bench wc3 base "$batchsz" "wc -l" 'wc -l "$IN" > "$O/wc3.out"'
if have mawk; then
	bench mawk3 base "$batchsz" "mawk: stamp each line (no checks)" \
	    'mawk -v p="$STAMP" "$STAMPPROG" "$IN" > /dev/null'
else
	skip mawk3 mawk "$INSTALL"
fi
if built log; then
	bench log3 hearth "$batchsz" "log > /dev/null" \
	    '"$LOG" < "$IN" > /dev/null'
	bench loga3 hearth "$batchsz" "log -a FILE (new file, fsync)" \
	    '"$LOG" -a "$A/journal.$i.tsv" < "$IN"'
fi

section remind "remind: $(records "$TEN") records, the demo couple over $YEARS days (gen -D -n $YEARS), $(mb "$tensz")"
baselines 4 "$tensz" "$TEN"
if built remind; then
	bench remind4 hearth "$tensz" "remind -d $ASOF (built-in rules)" \
	    '"$REMIND" -d "$ASOF" "$TEN" > "$O/remind4.out"' &&
	    echo "    ($(wc -l < "$O/remind4.out" | tr -d ' ') reminders)"
fi

section empty "start and exit on empty input"
bench wc5 base 0 "wc -l" 'wc -l < /dev/null > /dev/null' 200
if have mawk; then
	bench mawk5 base 0 "mawk: count, mean by who,what" \
	    'mawk -F "$TAB" "$AWKPROG" < /dev/null > /dev/null' 200
else
	skip mawk5 mawk "$INSTALL"
fi
built ask && bench ask5 hearth 0 "ask -p" '"$ASK" -p < /dev/null > /dev/null' 200
built log && bench log5 hearth 0 "log" '"$LOG" < /dev/null > /dev/null' 200
built trend && bench trend5 hearth 0 "trend" '"$TREND" < /dev/null > /dev/null' 200
built remind && bench remind5 hearth 0 "remind -d $ASOF" \
    '"$REMIND" -d "$ASOF" < /dev/null > /dev/null' 200

section memory "memory: trend's peak RSS as the input grows"
if [ -n "$trendok" ]; then
	# The file row from above, for comparison.
	awk -F "$TAB" -v OFS="$TAB" '$2 == "trend1" {
		$1 = "memory"; $3 = $3 " FILE (above)"; print }' "$ROWS" > "$B/row.tmp"
	cat "$B/row.tmp" >> "$ROWS"
	rm -f "$B/row.tmp"
	bench mem1 hearth "$bigsz" "cat FILE | trend -d $ASOF" \
	    'cat "$BIG" | "$TREND" -d "$ASOF" > "$O/mem1.out"'
	bench mem3 hearth "$((bigsz * 3))" "cat FILE FILE FILE | trend -d $ASOF" \
	    'cat "$BIG" "$BIG" "$BIG" | "$TREND" -d "$ASOF" > "$O/mem3.out"'
	if [ -s "$O/mem1.out" ] && ! cmp -s "$O/trend1.out" "$O/mem1.out"; then
		echo "  trend's output from the file and from a pipe differ:"
		diff "$O/trend1.out" "$O/mem1.out" | sed -n '1,10s/^/    /p'
		failed=1
	fi
	memnote=$(awk -F "$TAB" '
		$2 == "trend1" && $1 != "memory" { f = $8 }
		$2 == "mem1" { p1 = $8 }
		$2 == "mem3" { p3 = $8 }
		END {
			if (f == "" || p1 == "" || p3 == "" || f == "-" || p1 == "-" || p3 == "-")
				exit
			printf "trend peak RSS: %.1f MiB on the file, %.1f MiB from a pipe, %.1f MiB on 3 times the input: ", f / 1024, p1 / 1024, p3 / 1024
			print (p3 > 1.1 * p1 + 2048 ? "GROWS with the input" : "flat") }' "$ROWS")
	[ -n "$memnote" ] && echo "  $memnote"
else
	skip mem trend "no figures: trend is not built or failed above"
fi

# The table: one line per command, ratios against the section's wc -l and
# mawk rows.
{
	echo "hearth benchmark$QUICK, $(date '+%Y-%m-%d %H:%M')"
	# Other work on the machine skews the figures: say how busy it was.
	[ -r /proc/loadavg ] &&
	    echo "load average: $load0 at the start, $(cut -d' ' -f1-3 /proc/loadavg) at the end"
	printf 'machine: %s, %s cores, %s; hearth %s\n' "$(uname -srm)" \
	    "$(getconf _NPROCESSORS_ONLN 2> /dev/null || echo '?')" \
	    "$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo 2> /dev/null | sed 1q)" \
	    "$(git rev-parse --short HEAD 2> /dev/null || echo '?')"
	peers=
	have mawk && peers="$peers, $(mawk -W version 2>&1 | sed 1q)"
	have gawk && peers="$peers, $(gawk --version | sed 1q | cut -d, -f1)"
	have datamash && peers="$peers, $(datamash --version | sed 1q)"
	have mlr && peers="$peers, $(mlr --version)"
	echo "peers: ${peers#, }"
	# mawk uses one core: when its wall time is well above its CPU time,
	# it waited for a core, and so did everything else.
	awk -F "$TAB" '($2 == "mawk1" || $2 == "mawk2") && $4 != "-" && $6 > 0 &&
	    $5 / $6 > r { r = $5 / $6 }
	END {
		if (r > 1.15) {
			printf "WARNING: the machine was busy: mawk took up to %.1fx its CPU time in wall\n", r
			print "time; wall times are inflated, CPU times are closer to an idle machine."
		}
	}' "$ROWS"
	echo
	awk -F "$TAB" '
	function ftime(t) {
		return t >= 1 ? sprintf("%.2f s", t) : t >= 0.01 ? sprintf("%.1f ms", t * 1000) : sprintf("%.2f ms", t * 1000)
	}
	function frate(b, t) {
		if (b == 0 || t <= 0)
			return "-"
		b /= 1e6 * t
		return b >= 1000 ? sprintf("%.1f GB/s", b / 1000) : sprintf("%.0f MB/s", b)
	}
	function frss(k) {
		k /= 1024
		return k >= 100 ? sprintf("%.0f MiB", k) : sprintf("%.1f MiB", k)
	}
	function fratio(t, base) {
		if (base == "" || base <= 0)
			return "-"
		t /= base
		return t >= 100 ? sprintf("%.0fx", t) : t >= 10 ? sprintf("%.1fx", t) : sprintf("%.2fx", t)
	}
	FILENAME == ARGV[1] { title[++ns] = $2; id[ns] = $1; next }
	{
		nr[$1]++
		row[$1, nr[$1]] = $0
		if ($2 ~ /^wc/ && $4 != "-")
			wc[$1] = $5
		if ($2 ~ /^mawk/ && $4 != "-")
			mawk[$1] = $5
	}
	END {
		h = "command\truns\twall\tcpu\tthroughput\tpeak RSS\tvs wc -l\tvs mawk\tnote"
		n = 0
		line[++n] = h
		for (s = 1; s <= ns; s++) {
			line[++n] = title[s]
			istitle[n] = 1
			for (r = 1; r <= nr[id[s]]; r++) {
				split(row[id[s], r], f, "\t")
				if (f[4] == "-") {
					line[++n] = f[3] "\t" f[9]
					isspan[n] = 1
				}
				else
					line[++n] = f[3] "\t" f[4] "\t" ftime(f[5]) "\t" \
					    ftime(f[6]) "\t" frate(f[7], f[5]) "\t" frss(f[8]) "\t" \
					    fratio(f[5], wc[id[s]]) "\t" fratio(f[5], mawk[id[s]]) "\t" f[9]
			}
		}
		for (i = 1; i <= n; i++) {
			if (istitle[i])
				continue
			if (isspan[i]) {
				split(line[i], f, "\t")
				if (length(f[1]) > w[1])
					w[1] = length(f[1])
				continue
			}
			c = split(line[i], f, "\t")
			for (j = 1; j < c; j++)
				if (length(f[j]) > w[j])
					w[j] = length(f[j])
		}
		for (i = 1; i <= n; i++) {
			if (istitle[i]) {
				printf "\n%s\n", line[i]
				continue
			}
			if (isspan[i]) {
				split(line[i], f, "\t")
				printf "  %-" w[1] "s  %s\n", f[1], f[2]
				continue
			}
			c = split(line[i], f, "\t")
			out = "  "
			for (j = 1; j < c; j++)
				out = out sprintf("%" (j == 1 ? "-" : "") w[j] "s  ", f[j])
			out = out f[c]
			sub(/ +$/, "", out)
			print out
		}
	}' "$SECS" "$ROWS"
	[ -n "${memnote:-}" ] && printf '\n%s\n' "$memnote"
	cat <<EOF

Wall and cpu are medians per run; cpu is user + system time, above wall
when a tool uses both cores. Throughput is input MB (10^6 bytes) per second
of wall time; peak RSS the largest over the runs. Ratios are wall-time
ratios against wc -l and mawk on the same input (in the log section, mawk
only prefixes each line with the time and the name). Every command runs
with LC_ALL=C and writes to a file under $O (log to /dev/null, or
-a to a new file under $A, removed between runs).
datamash skips the header with --header-in, reading the file on its
standard input, no pipeline. Miller reads the file as it is: the header
names its columns (the first is "#time", unused), so no sed or relabelling
is needed. Reproduce with: make bench (BENCH_RUNS=N, BENCH_QUICK=1).
EOF
} > "$RES"

printf '\n'
cat "$RES"
printf '\ntotal %ss; table in %s\n' "$(($(now) - start))" "$RES"
if [ "$failed" != 0 ]; then
	echo "bench: a hearth tool failed: these figures mean nothing" >&2
	exit 1
fi
exit 0

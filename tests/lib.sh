# lib.sh - sourced by every tests/t_*.sh.  One case checks a command's
# stdout, stderr and exit status together:
#
#	begin 'log writes one record'
#	run log touch 4 'held hands'		# or: input 'text'; run ...
#	out "$(printf '...')"			# exact stdout (or: out_file f)
#	err ''
#	status 0
#	end
#
# Every case runs in a fresh directory $T with a fixed clock, zone and locale.
# A case that cannot run here (no script(1), no tmpfs...) says why instead:
#
#	begin 'on a terminal: ...'
#	if have_script; then ...; end; else skip 'script(1) is missing'; fi
#
# skip prints "ok - NAME # SKIP why", which run.sh counts as skipped, not
# passed; an end after a skip prints nothing more.

PATH="$top/bin:$top/tests:$PATH"
export PATH
LC_ALL=C TZ=UTC0 HEARTH_NOW=2026-11-26T21:04:00+01:00 HEARTH_WHO=alex
HOME=/nonexistent XDG_CONFIG_HOME=/nonexistent
export LC_ALL TZ HEARTH_NOW HEARTH_WHO HOME XDG_CONFIG_HOME
unset HEARTH_SEED HEARTH_BANK HEARTH_JOURNAL NO_COLOR HEARTH_NOTTY LANG LC_CTYPE
TAB=$(printf '\t')
NL='
'
umask 022

tmproot=$(mktemp -d) || exit 2
trap 'rm -rf "$tmproot"' EXIT INT TERM
ncase=0

begin() {
	name=$1 failed='' stdin_file=/dev/null skipped=''
	ncase=$((ncase + 1))
	T=$tmproot/$ncase
	mkdir -p "$T" && cd "$T" || exit 2
	HOME=$T XDG_CONFIG_HOME=$T/.config
}

# input TEXT: what the next run reads on stdin (a newline is added, as with
# a heredoc; use input_raw for exact bytes)
input() { printf '%s\n' "$1" > "$T/.stdin"; stdin_file=$T/.stdin; }
input_raw() { printf '%s' "$1" > "$T/.stdin"; stdin_file=$T/.stdin; }
input_file() { stdin_file=$1; }

# run PROG ARGS...: hearth programs run under $HEARTH_WRAP (e.g. valgrind)
run() {
	case $1 in
	ask|log|trend|remind) p=$1; shift; set -- $HEARTH_WRAP "$top/bin/$p" "$@" ;;
	esac
	"$@" < "$stdin_file" > "$T/.out" 2> "$T/.err"
	rc=$?
	stdin_file=/dev/null
}
# runsh 'pipeline': for pipes and redirections; hearth programs are on PATH
runsh() {
	sh -c "$1" < "$stdin_file" > "$T/.out" 2> "$T/.err"
	rc=$?
	stdin_file=/dev/null
}

fail() { failed="$failed${failed:+; }$*"; }

# out TEXT: stdout is exactly TEXT plus a newline ('' means no output at all)
out() {
	if [ -z "$1" ]; then
		[ -s "$T/.out" ] && fail "stdout should be empty, got: $(head -c 300 "$T/.out")"
	else
		printf '%s\n' "$1" > "$T/.want"
		cmp -s "$T/.want" "$T/.out" || fail "stdout differs:$NL$(diff "$T/.want" "$T/.out" | head -20)"
	fi
	return 0
}
out_file() { cmp -s "$1" "$T/.out" || fail "stdout differs from $1:$NL$(diff "$1" "$T/.out" | head -20)"; }
err() {
	if [ -z "$1" ]; then
		[ -s "$T/.err" ] && fail "stderr should be empty, got: $(head -c 300 "$T/.err")"
	else
		printf '%s\n' "$1" > "$T/.want"
		cmp -s "$T/.want" "$T/.err" || fail "stderr differs:$NL$(diff "$T/.want" "$T/.err" | head -20)"
	fi
	return 0
}
# out_has / err_has PATTERN: a line matches the grep -E pattern
out_has() { grep -Eq -- "$1" "$T/.out" || fail "stdout lacks /$1/: $(head -c 300 "$T/.out")"; }
err_has() { grep -Eq -- "$1" "$T/.err" || fail "stderr lacks /$1/: $(head -c 300 "$T/.err")"; }
out_lacks() { grep -Eq -- "$1" "$T/.out" && fail "stdout has /$1/"; return 0; }
status() { [ "$rc" = "$1" ] || fail "exit status $rc, want $1; stderr: $(head -c 300 "$T/.err")"; }
# same FILE TEXT: a file holds exactly TEXT plus a newline
same() {
	printf '%s\n' "$2" > "$T/.want"
	cmp -s "$T/.want" "$1" || fail "$1 differs:$NL$(diff "$T/.want" "$1" | head -20)"
}
# assert 'shell test' 'what it means'
assert() { eval "$1" || fail "$2"; }

# skip REASON: the case begun last cannot run here; it ends, as skipped
skip() {
	[ -n "$skipped" ] && return 0
	skipped=$1
	echo "ok - $name # SKIP $1"
	cd "$tmproot" || exit 2
}

end() {
	if [ -n "$skipped" ]; then
		return 0
	elif [ -z "$failed" ]; then
		echo "ok - $name"
	else
		echo "not ok - $name: $failed"
	fi
	cd "$tmproot" || exit 2
}

# On a terminal: script(1) from util-linux (Debian: bsdutils) gives a
# program a pseudo-terminal.  onterm CMD [PATTERN KEYS]...: run the shell
# command CMD on it; each KEYS is typed once PATTERN shows on the screen
# (kept in $T/.tty), at once when PATTERN is empty (the terminal holds keys
# typed ahead); $rc is CMD's status and $T/.screen the screen without CRs.
# The shell around CMD traps SIGINT so it can report the program's.  $limit,
# when a file sets it, bounds the run (timeout 60).
have_script() {
	script -qec true /dev/null > /dev/null 2>&1 < /dev/null
}
type_keys() {
	while [ $# -ge 2 ]; do
		i=0
		until [ -z "$1" ] || grep -Fq -- "$1" "$T/.tty" 2>/dev/null || [ $i -ge 300 ]; do
			sleep 0.1
			i=$((i + 1))
		done
		printf "$2"
		shift 2
	done
	sleep 0.5
}
onterm() {
	printf 'trap : INT\n%s\necho "$?" > "%s/.rc"\n' "$1" "$T" > "$T/.cmd"
	shift
	: > "$T/.tty"
	type_keys "$@" | SHELL=/bin/sh $limit script -qec "sh '$T/.cmd'" /dev/null > "$T/.tty" 2>&1
	rc=$(cat "$T/.rc" 2>/dev/null || echo none)
	tr -d '\r' < "$T/.tty" > "$T/.screen"
}
screen_has() { grep -Fq -- "$1" "$T/.screen" || fail "the screen lacks \"$1\": $(tail -c 400 "$T/.screen")"; }
# screen_block TEXT: TEXT, of several lines, is on the screen as one block
screen_block() {
	tr '\n' '\001' < "$T/.screen" > "$T/.flat"
	printf '%s' "$1" | tr '\n' '\001' > "$T/.pat"
	grep -Fq -f "$T/.pat" "$T/.flat" || fail "the screen lacks the lines \"$1\": $(tail -c 400 "$T/.screen")"
}

# span WHO FROM TO 'what=value ...': one record of each what a day, from
# FROM days before 2026-11-26 (HEARTH_NOW's day) to TO days before, at
# 21:00+01:00.  WHO goes through the environment: awk -v would read its
# backslashes.  Dates by Julian day numbers: no date(1) extensions.
span() {
	W=$1 awk -v from="$2" -v to="$3" -v spec="$4" '
	function jdn(y, m, d,  a) {
		a = int((14 - m) / 12); y += 4800 - a; m += 12 * a - 3
		return d + int((153 * m + 2) / 5) + 365 * y + int(y / 4) - int(y / 100) + int(y / 400) - 32045
	}
	function civil(j,  a, b, c, d, e, m) {
		a = j + 32044; b = int((4 * a + 3) / 146097); c = a - int(146097 * b / 4)
		d = int((4 * c + 3) / 1461); e = c - int(1461 * d / 4); m = int((5 * e + 2) / 153)
		return sprintf("%04d-%02d-%02d", 100 * b + d - 4800 + int(m / 10),
		    m + 3 - 12 * int(m / 10), e - int((153 * m + 2) / 5) + 1)
	}
	BEGIN {
		t = jdn(2026, 11, 26)
		n = split(spec, kv, " ")
		for (b = from; b >= to; b--)
			for (i = 1; i <= n; i++) {
				split(kv[i], f, "=")
				printf "%sT21:00:00+01:00\t%s\t%s\t%s\n", civil(t - b), ENVIRON["W"], f[1], f[2]
			}
	}'
}

#!/bin/sh
# t_example.sh - the bundled example journal and the generator behind it.
. "$top/tests/lib.sh"

begin 'tests/example.tsv is what gen -D makes, byte for byte'
run gen -D
out_file "$top/tests/example.tsv"
status 0
end

begin 'gen is deterministic and its seed matters'
runsh 'gen -c 3 -n 30 -s 5 | cksum; gen -c 3 -n 30 -s 5 | cksum; gen -c 3 -n 30 -s 6 | cksum'
assert '[ "$(sed -n 1p .out)" = "$(sed -n 2p .out)" ]' 'two runs differ'
assert '[ "$(sed -n 1p .out)" != "$(sed -n 3p .out)" ]' 'seeds 5 and 6 agree'
status 0
end

begin 'every record of the example passes log'"'"'s checks'
input_file "$top/tests/example.tsv"
runsh 'tail -n +2 "$top/tests/example.tsv" > want && log | cmp - want && echo same'
out 'same'
err ''
status 0
end

begin 'a generated caseload passes log'"'"'s checks too'
runsh 'gen -c 20 -n 60 -s 3 > j.tsv && tail -n +2 j.tsv > want && log < j.tsv | cmp - want && echo same'
out 'same'
err ''
status 0
end

begin 'make install and uninstall, with DESTDIR, PREFIX and PROGPREFIX'
runsh 'D=$PWD/root
	make -s --no-print-directory -C "$top" install DESTDIR="$D" PREFIX=/usr PROGPREFIX=hearth- &&
	(cd "$D" && find . -type f | sort && ls -l usr/bin/hearth-log | cut -c1-10) &&
	make -s --no-print-directory -C "$top" uninstall DESTDIR="$D" PREFIX=/usr PROGPREFIX=hearth- &&
	find "$D" -type f | wc -l'
out './usr/bin/hearth-ask
./usr/bin/hearth-log
./usr/bin/hearth-remind
./usr/bin/hearth-trend
./usr/share/man/man1/hearth-ask.1
./usr/share/man/man1/hearth-log.1
./usr/share/man/man1/hearth-remind.1
./usr/share/man/man1/hearth-trend.1
./usr/share/man/man5/hearth-journal.5
./usr/share/man/man5/hearth-questions.5
./usr/share/man/man5/hearth-rules.5
./usr/share/man/man7/hearth.7
-rwxr-xr-x
0'
status 0
end

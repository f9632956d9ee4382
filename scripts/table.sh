#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# table.sh LABEL=RUN-DIR...
#
# Print the verdict table: one row per test case, one column per kernel
# run, each cell pass, FAIL, skip or "-" (did not run).  A last row gives
# each run's serial-log scan.
. "$(dirname "$0")/lib.sh"

labels=() dirs=()
for a in "$@"; do
	labels+=("${a%%=*}")
	dirs+=("${a#*=}")
done

result() { # TAP-FILE CASE
	awk -v c="$2" '
		$1 == "ok" && $3 == c { r = ($0 ~ /# SKIP/) ? "skip" : "pass" }
		$1 == "not" && $4 == c { r = "FAIL" }
		END { print r ? r : "-" }' "$1"
}

cases=$(for d in "${dirs[@]}"; do
	awk '$1 == "ok" { print $3 } $1 == "not" { print $4 }' "$d/tap.log"
done | awk '!seen[$0]++')

w=28
printf "%-${w}s" "case"
for l in "${labels[@]}"; do printf " %-10s" "$l"; done
echo
for c in $cases; do
	printf "%-${w}s" "$c"
	for d in "${dirs[@]}"; do printf " %-10s" "$(result "$d/tap.log" "$c")"; done
	desc=$(grep -m1 -E "^(not )?ok [0-9]+ $c - " "${dirs[0]}/tap.log" "${dirs[@]/%//tap.log}" 2>/dev/null |
		head -n1 | sed 's/.* - //; s/ # SKIP.*//')
	echo "  $desc"
done
printf "%-${w}s" "serial log"
for d in "${dirs[@]}"; do
	if [ -s "$d/scan.log" ]; then v=DIRTY; else v=clean; fi
	grep -q '^# rig: done' "$d/tap.log" || v=INCOMPLETE
	printf " %-10s" "$v"
done
echo

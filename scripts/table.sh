#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# table.sh LABEL=RUN-DIR...
#
# Print the verdict table: one row per test case, one column per label
# (a kernel), each cell pass, FAIL, skip or "-" (did not run).  A label
# may name several runs (one per test group).  The last row tells whether
# the label's serial logs were clean.
. "$(dirname "$0")/lib.sh"

labels=()
declare -A dirs
for a in "$@"; do
	l=${a%%=*}
	[ -n "${dirs[$l]+x}" ] || labels+=("$l")
	dirs[$l]="${dirs[$l]:-} ${a#*=}"
done

all=$(for l in "${labels[@]}"; do echo ${dirs[$l]}; done)
taps=$(for d in $all; do cat "$d/tap.log" 2>/dev/null; done)
cases=$(echo "$taps" | awk '$1 == "ok" { print $3 } $1 == "not" { print $4 }' |
	awk '!seen[$0]++')

printf '%-16s' case
for l in "${labels[@]}"; do printf ' %-8s' "$l"; done
echo
for c in $cases; do
	printf '%-16s' "$c"
	for l in "${labels[@]}"; do
		printf ' %-8s' "$(tap_result "$c" $(printf '%s/tap.log ' ${dirs[$l]}))"
	done
	echo "  $(echo "$taps" | grep -m1 -E "^(not )?ok [0-9]+ $c - " |
		sed 's/^[^-]* - //; s/ # SKIP.*//')"
done
printf '%-16s' "serial log"
for l in "${labels[@]}"; do
	v=clean
	for d in ${dirs[$l]}; do
		[ -s "$d/scan.log" ] && v=DIRTY
		grep -q '^# rig: done' "$d/tap.log" 2>/dev/null || v=INCOMPLETE
	done
	printf ' %-8s' "$v"
done
echo

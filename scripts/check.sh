#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# check.sh
#
# Every test, as TAP, ending with "N passed, N failed":
#  - host checks of the patch queue (tests/host);
#  - each guest test group booted on three kernels: base + series, the
#    unpatched base and the upstream anchor.  Each case's result on each
#    kernel must match tests/expect/<kernel> (cases listed there must
#    fail, all others pass), and every serial log must be clean.
. "$(dirname "$0")/lib.sh"

ANCHOR=7.1.13
# Guest test groups per kernel, one boot per word: the groups joined by
# commas in a word share a boot, which saves the ~20 s a boot costs.  A
# case that kills the guest loses the rest of its boot, so on the anchor,
# where two cases hang, each of them is last in its boot.  The base only
# has to show the scenario failing.  The series also runs a smoke test of
# "make bench" (small sizes, figures reported).
# A word "nodebug:GROUPS" boots the kernel built without the debug set:
# mdadm's own suite runs there, several times faster.
ALL=seed,imsm,recreate,paths,persist,busy,faults,leaks,badinput,stress
declare -A BOOTS_OF=(
	[series]="nodebug:mdadm $ALL,bench"
	[base]="nodebug:mdadm seed,imsm,recreate"
	[anchor]="nodebug:mdadm ${ALL%,stress} stress"
)
"$RIG/scripts/deps.sh"

start=$SECONDS
n=0 passed=0 failed=0
tap() { # STATUS DESCRIPTION [DIAGNOSTICS-FILE]
	n=$((n + 1))
	if [ "$1" = 0 ]; then
		echo "ok $n - $2"
		passed=$((passed + 1))
	else
		echo "not ok $n - $2"
		failed=$((failed + 1))
		[ -z "${3:-}" ] || sed 's/^/#   /' "$3"
	fi
}

# group_cases GROUP: the cases of GROUP: its NNN files, then the outside
# suite's tests it lists.
group_cases() {
	local f
	for f in "$RIG"/tests/"$1"/[0-9][0-9][0-9]; do
		[ -f "$f" ] && echo "$1/${f##*/}"
	done
	[ ! -f "$RIG/tests/$1/suite" ] || grep -v '^#' "$RIG/tests/$1/suite" | sed "s|^|$1/|"
}

# check_case KERNEL CASE TAP EXPECT: one TAP line for CASE's result on
# KERNEL, against the cases EXPECT lists as failing there.  A suite test
# its group's skip file names must be skipped, with its reason.
check_case() {
	local got want=pass g=${2%%/*}
	got=$(tap_result "$2" "$3")
	grep -qx "$2" "$4" 2>/dev/null && want=FAIL
	if [ -f "$RIG/tests/$g/skip" ] && grep -q "^${2#*/} " "$RIG/tests/$g/skip"; then
		[ "$got" = skip ]
		tap $? "$1 $2 is skipped, as listed ($got)"
		return
	fi
	awk -v c="$2" '$4 == c || $3 == c { p = 1; print; next }
		p && /^#/ { print; next } { p = 0 }' "$3" | grep '^#' >"$log" || true
	if [ "$want" = FAIL ]; then
		# "-": did not run, because the guest died earlier.
		[ "$got" = FAIL ] || [ "$got" = - ]
		tap $? "$1 $2 fails, as expected ($got)" "$log"
	else
		[ "$got" = pass ]
		tap $? "$1 $2 passes ($got)" "$log"
	fi
}

echo "TAP version 13"
msg "laying out and building the three kernels"
"$RIG/scripts/tree.sh" "$SERIES_BASE" series >/dev/null
"$RIG/scripts/tree.sh" "$SERIES_BASE" base >/dev/null
"$RIG/scripts/tree.sh" "$ANCHOR" base >/dev/null
declare -A tree=([series]=$SERIES_BASE [base]=$SERIES_BASE-base [anchor]=$ANCHOR-base)
declare -A image
kernels=(series base anchor)
for k in "${kernels[@]}"; do
	image[$k]=$("$RIG/scripts/build.sh" "${tree[$k]}")
	image[nodebug:$k]=$(VARIANT=nodebug "$RIG/scripts/build.sh" "${tree[$k]}")
done
echo "# kernels: series=$SERIES_BASE+patches base=$SERIES_BASE anchor=$ANCHOR" \
	"(each with patches/block)"

# Host checks.
log=$(mktemp)
trap 'rm -f "$log"' EXIT
for f in "$RIG"/tests/host/[0-9][0-9][0-9]; do
	desc=$(bash -c ". $f; echo \"\$DESCRIPTION\"")
	msg "host/$(basename "$f"): $desc"
	status=0
	( . "$RIG/tests/host/rc"; . "$f"; test_case ) \
		>"$log" 2>&1 || status=$?
	tap $status "host/$(basename "$f") - $desc" "$log"
done

# Guest groups on every kernel, VM_JOBS boots at a time (default 3): the
# guests spend much of their time waiting (mdadm's suite runs syncs at
# 500 KiB/s, sleeps, hung-task timeouts), so three share the host's two
# cores well.  The long mdadm boots start first.  REUSE_RUNS=1
# takes the newest run of each boot instead.
declare -A run	# [KERNEL/BOOT]: the run directory of that boot
booted=$(mktemp -d)
for k in "${kernels[@]}"; do
	for b in ${BOOTS_OF[$k]}; do
		while [ "$(jobs -rp | wc -l)" -ge "${VM_JOBS:-3}" ]; do wait -n || true; done
		img=${image[$k]}
		[ "${b#nodebug:}" = "$b" ] || img=${image[nodebug:$k]}
		gs=${b#nodebug:}
		label=$k-${b//[,:]/-}
		if [ -n "${REUSE_RUNS:-}" ]; then
			# Judge the newest runs again, e.g. after an expectation
			# changed, without booting anything.
			readlink "$CACHE/runs/latest-$label" >"$booted/$label"
			continue
		fi
		("$RIG/scripts/run-vm.sh" "$img" "$label" ${gs//,/ } \
			>"$booted/$label" 2>/dev/null || true) &
	done
done
wait
for k in "${kernels[@]}"; do
	for b in ${BOOTS_OF[$k]}; do run[$k/$b]=$(cat "$booted/$k-${b//[,:]/-}"); done
done
rm -rf "$booted"

for k in "${kernels[@]}"; do
	expect=$RIG/tests/expect/$k
	for b in ${BOOTS_OF[$k]}; do
		gs=${b#nodebug:}
		r=${run[$k/$b]}
		for g in ${gs//,/ }; do
			for c in $(group_cases "$g"); do
				check_case "$k" "$c" "$r/tap.log" "$expect"
			done
		done
		# The boot's serial log, expected dirty if one of its groups is
		# listed as "log:GROUP".
		dirty=$(for g in ${gs//,/ }; do grep -x "log:$g" "$expect" || true; done)
		if [ -n "$dirty" ]; then
			! "$RIG/scripts/scan-log.sh" "$r/console.log" >"$log" 2>&1
			tap $? "$k $b: serial log shows the expected failure" "$log"
		else
			"$RIG/scripts/scan-log.sh" "$r/console.log" >"$log" 2>&1
			tap $? "$k $b: serial log clean" "$log"
		fi
	done
done

echo "1..$n"
echo "# verdict table (logs in $CACHE/runs):"
args=()
for k in "${kernels[@]}"; do
	for b in ${BOOTS_OF[$k]}; do args+=("$k=${run[$k/$b]}"); done
done
"$RIG/scripts/table.sh" "${args[@]}" | sed 's/^/# /'
echo "# figures reported by the cases, per kernel:"
"$RIG/scripts/figures.sh" "${args[@]}" | sed 's/^/# /'
echo "# make check took $((SECONDS - start)) s"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]

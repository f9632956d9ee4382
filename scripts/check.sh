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
# Guest test groups per kernel, one boot per word.  The groups joined by
# commas in a word share a boot; the words are sized so that boots run
# side by side finish together.  A case that kills the guest loses the
# rest of its boot, so on the anchor, where two cases hang (badinput/008,
# stress/003), each of them is last in its boot.  The base only has to
# show the scenario failing.  The series also runs a smoke test of "make
# bench" (small sizes, figures reported).  A word "nodebug:GROUPS" boots
# the kernel built without the debug set, where mdadm's own suite runs
# several times faster.  "GROUP@I/N" is the I-th of N shards of a
# group's cases.
MDADM="nodebug:mdadm@1/3 nodebug:mdadm@2/3 nodebug:mdadm@3/3"
declare -A BOOTS_OF=(
	[series]="$MDADM seed,paths@1/2,imsm,bench paths@2/2,faults,persist
		recreate,busy,badinput leaks,stress"
	[base]="$MDADM seed,imsm,recreate"
	[anchor]="$MDADM seed,paths@1/2,imsm,recreate paths@2/2,faults,persist
		leaks,badinput busy,stress"
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

# group_cases GROUP[@I/N]: the cases of GROUP (or of that shard of it)
# as guest/run names them in its TAP.
group_cases() { "$RIG/guest/cases" "$RIG/tests" "$1" | sed 's|/suite:|/|'; }

# check_case KERNEL CASE TAP EXPECT: one TAP line for CASE's result on
# KERNEL, against the cases EXPECT lists as failing there ("maybe:CASE":
# may fail or pass there, EXPECT says why).  A suite test its group's
# skip file names must be skipped, with its reason.
check_case() {
	local got want=pass g=${2%%/*}
	got=$(tap_result "$2" "$3")
	grep -qx "$2" "$4" 2>/dev/null && want=FAIL
	if grep -qx "maybe:$2" "$4" 2>/dev/null; then
		tap "$(is "$got" pass FAIL)" "$1 $2 passes or fails there, as listed ($got)"
		return
	fi
	if [ -f "$RIG/tests/$g/skip" ] && grep -q "^${2#*/} " "$RIG/tests/$g/skip"; then
		tap "$(is "$got" skip)" "$1 $2 is skipped, as listed ($got)"
		return
	fi
	awk -v c="$2" '$4 == c || $3 == c { p = 1; print; next }
		p && /^#/ { print; next } { p = 0 }' "$3" | grep '^#' >"$log" || true
	if [ "$want" = FAIL ]; then
		# "-": did not run, because the guest died earlier.
		tap "$(is "$got" FAIL -)" "$1 $2 fails, as expected ($got)" "$log"
	else
		tap "$(is "$got" pass)" "$1 $2 passes ($got)" "$log"
	fi
}

# is VALUE WANTED...: 0 if VALUE is one of WANTED, else 1, printed (a
# failed test would end this script under set -e).
is() {
	local v=$1
	shift
	case " $* " in *" $v "*) echo 0 ;; *) echo 1 ;; esac
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

# Guest groups on every kernel, VM_JOBS boots at a time (default 6): the
# guests spend much of their time waiting (mdadm's suite runs syncs at
# 500 KiB/s and sleeps, deferred kobject releases, hung-task timeouts),
# so several share the host's two cores well.  The boots start longest
# first, by the time their last run took.  REUSE_RUNS=1 takes the newest
# run of each boot instead.
label_of() { echo "$1-${2//[,:@\/]/-}"; } # KERNEL BOOT
declare -A run	# [KERNEL/BOOT]: the run directory of that boot
booted=$(mktemp -d)
order=$(for k in "${kernels[@]}"; do
	for b in ${BOOTS_OF[$k]}; do
		last=$(cat "$CACHE/runs/latest-$(label_of "$k" "$b")/seconds" 2>/dev/null)
		echo "${last:-99999} $k $b"
	done
done | sort -rn)
while read -r _ k b; do
	while [ "$(jobs -rp | wc -l)" -ge "${VM_JOBS:-6}" ]; do wait -n || true; done
	img=${image[$k]}
	[ "${b#nodebug:}" = "$b" ] || img=${image[nodebug:$k]}
	gs=${b#nodebug:}
	label=$(label_of "$k" "$b")
	if [ -n "${REUSE_RUNS:-}" ]; then
		# Judge the newest runs again, e.g. after an expectation
		# changed, without booting anything.
		readlink "$CACHE/runs/latest-$label" >"$booted/$label"
		continue
	fi
	("$RIG/scripts/run-vm.sh" "$img" "$label" ${gs//,/ } \
		>"$booted/$label" 2>/dev/null || true) &
done <<<"$order"
wait
for k in "${kernels[@]}"; do
	for b in ${BOOTS_OF[$k]}; do run[$k/$b]=$(cat "$booted/$(label_of "$k" "$b")"); done
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
		status=0
		"$RIG/scripts/scan-log.sh" "$r/console.log" >"$log" 2>&1 || status=$?
		if [ -n "$dirty" ]; then
			tap "$(is "$status" 1)" "$k $b: serial log shows the expected failure" "$log"
		else
			tap "$status" "$k $b: serial log clean" "$log"
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

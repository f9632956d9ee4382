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
# Guest test groups per kernel.  The base only has to show the scenario
# failing; the paths group compares the series with the anchor.
declare -A GROUPS_OF=(
	[series]="seed imsm recreate paths badinput stress"
	[base]="seed imsm recreate"
	[anchor]="seed imsm recreate paths badinput stress"
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

echo "TAP version 13"
msg "laying out and building the three kernels"
"$RIG/scripts/tree.sh" "$SERIES_BASE" series >/dev/null
"$RIG/scripts/tree.sh" "$SERIES_BASE" base >/dev/null
"$RIG/scripts/tree.sh" "$ANCHOR" base >/dev/null
declare -A image
image[series]=$("$RIG/scripts/build.sh" "$SERIES_BASE")
image[base]=$("$RIG/scripts/build.sh" "$SERIES_BASE-base")
image[anchor]=$("$RIG/scripts/build.sh" "$ANCHOR-base")
kernels=(series base anchor)
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

# Guest groups on every kernel, one boot per kernel and group.
declare -A run
for k in "${kernels[@]}"; do
	for g in ${GROUPS_OF[$k]}; do
		run[$k/$g]=$("$RIG/scripts/run-vm.sh" "${image[$k]}" "$k-$g" "$g" \
			2>/dev/null) || true
	done
done

for k in "${kernels[@]}"; do
	expect=$RIG/tests/expect/$k
	for g in ${GROUPS_OF[$k]}; do
		r=${run[$k/$g]}
		for f in "$RIG"/tests/"$g"/[0-9][0-9][0-9]; do
			c=$g/$(basename "$f")
			got=$(tap_result "$c" "$r/tap.log")
			want=pass
			grep -qx "$c" "$expect" 2>/dev/null && want=FAIL
			awk -v c="$c" '$4 == c || $3 == c { p = 1; print; next }
				p && /^#/ { print; next } { p = 0 }' \
				"$r/tap.log" | grep '^#' >"$log" || true
			if [ "$want" = FAIL ]; then
				# "-": did not run, because the guest died earlier.
				[ "$got" = FAIL ] || [ "$got" = - ]
				tap $? "$k $c fails, as expected ($got)" "$log"
			else
				[ "$got" = pass ]
				tap $? "$k $c passes ($got)" "$log"
			fi
		done
		if grep -qx "log:$g" "$expect" 2>/dev/null; then
			! "$RIG/scripts/scan-log.sh" "$r/console.log" >"$log" 2>&1
			tap $? "$k $g: serial log shows the expected failure" "$log"
		else
			"$RIG/scripts/scan-log.sh" "$r/console.log" >"$log" 2>&1
			tap $? "$k $g: serial log clean" "$log"
		fi
	done
done

echo "1..$n"
echo "# verdict table (logs in $CACHE/runs):"
args=()
for k in "${kernels[@]}"; do
	for g in ${GROUPS_OF[$k]}; do args+=("$k=${run[$k/$g]}"); done
done
"$RIG/scripts/table.sh" "${args[@]}" | sed 's/^/# /'
echo "# make check took $((SECONDS - start)) s"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]

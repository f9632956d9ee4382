#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# validate.sh [KERNEL=IMAGE] [BASE=VERSION]
#
# The main job: build the kernel (6.18.15 + patches/6.18/series by default,
# an unpatched upstream VERSION with BASE=, or take IMAGE as is with
# KERNEL=), boot it, run the validation scenario and print the verdict.
. "$(dirname "$0")/lib.sh"

KERNEL=${KERNEL:-} BASE=${BASE:-}
GROUPS_TO_RUN=${GROUPS_TO_RUN:-seed}
"$RIG/scripts/deps.sh"

if [ -n "$KERNEL" ]; then
	image=$(realpath "$KERNEL")
	label=custom
elif [ -n "$BASE" ]; then
	"$RIG/scripts/tree.sh" "$BASE" base >/dev/null
	image=$("$RIG/scripts/build.sh" "$BASE-base")
	label=$BASE
else
	"$RIG/scripts/tree.sh" "$SERIES_BASE" series >/dev/null
	image=$("$RIG/scripts/build.sh" "$SERIES_BASE")
	label=series
fi
msg "kernel image: $image"

status=0
run=$("$RIG/scripts/run-vm.sh" "$image" "$label" $GROUPS_TO_RUN) || status=1
echo
"$RIG/scripts/table.sh" "$label=$run"
echo
[ ! -s "$run/scan.log" ] || cat "$run/scan.log"
failed=$(grep '^not ok' "$run/tap.log" | sed 's/^not ok [0-9]* /  /' || true)
if [ $status -eq 0 ]; then
	echo "VERDICT: PASS ($label: every step passed, serial log clean)"
else
	echo "VERDICT: FAIL ($label)"
	[ -z "$failed" ] || printf 'failing steps:\n%s\n' "$failed"
fi
echo "logs: $run"
exit $status

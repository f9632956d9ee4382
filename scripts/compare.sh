#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# compare.sh
#
# What the unpatched kernels get wrong, as TAP ending with "N passed, N
# failed": every guest group (debug build) and mdadm's own suite (build
# without the debug set) on base (Linux 6.18.15), upstream (7.3.4) and
# the anchor (7.1.13, upstream's own version of the fix), all with
# patches/block.  Each case's result must match tests/expect/<kernel>
# (cases listed there fail, all others pass; "maybe:CASE" either), and
# every serial log must be clean unless marked "log:GROUP" there.  make
# check does not boot them.  LISTED=1 boots only the cases the lists
# name as failing, not the "maybe:" ones (one boot for the groups not
# marked "log:", one per "log:" group, so that a guest that dies hides no
# other case): the quick way to see each test fail where its bug lives.
# VM_JOBS and REUSE_RUNS=1 as for make check.
. "$(dirname "$0")/lib.sh"
. "$RIG/scripts/pipeline.sh"

if [ -n "${LISTED:-}" ]; then
	KERNELS=${KERNELS:-base upstream}
	boots_of() { expect_boots "$1"; }
else
	KERNELS=${KERNELS:-base upstream anchor}
	boots_of() { full_boots "$1"; }
fi
"$RIG/scripts/deps.sh"
start=$SECONDS

echo "TAP version 13"
echo "# kernels: $KERNELS (base=$SERIES_BASE upstream=$MAINLINE_BASE anchor=$ANCHOR," \
	"each with its patches/block, no md patches)$([ -z "${LISTED:-}" ] || echo ", listed cases only")"
# The builds without the debug set first, as in check.sh: mdadm's suite
# boots on them beside the debug builds, and no debug guest starts while
# a kernel builds (VM_JOBS_BESIDE_BUILD).
for k in $KERNELS; do
	queue_tree "$k"
	[ -n "${LISTED:-}" ] || queue_build "$k" nodebug
done
for k in $KERNELS; do queue_build "$k" debug; done
for k in $KERNELS; do queue_boots "$k"; done

run_all

report_builds
report_boots
echo "1..$n"
echo "# verdict table (logs in $CACHE/runs):"
"$RIG/scripts/table.sh" "${table_args[@]}" | sed 's/^/# /'
[ -z "$BLKTESTS_SKIP" ] || echo "# blktests: skipped, $BLKTESTS_SKIP"
echo "# figures reported by the cases, per kernel:"
"$RIG/scripts/figures.sh" "${table_args[@]}" | sed 's/^/# /'
echo "# timeline (seconds from the start; cpu: host CPU seconds):"
report_timeline compare | sed 's/^/# /'
echo "# make compare took $((SECONDS - start)) s"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]

#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# check.sh
#
# Every test, as TAP, ending with "N passed, N failed":
#  - the host checks of both patch queues (tests/host): patches/6.18/ on Linux
#    6.18.15, patches/mainline/ on 7.3.4;
#  - every guest group on the two patched kernels, series (6.18.15 +
#    patches/6.18/) and mainline (7.3.4 + patches/mainline/): with the
#    debug set where it is what shows the bug, without it elsewhere (see
#    CHECK_DEBUG_BOOTS in pipeline.sh), and mdadm's own suite;
#  - blktests' own make check with patches/blktests/ applied; its md
#    tests run in the guests as group blktests.  Without a blktests
#    tree (BLKTESTS) both are skipped, and the verdict says so.
# Each case's result must match tests/expect/<kernel> (cases listed there
# fail, all others pass), and every serial log must be clean, unless
# the expect file says it is not ("log:GROUP").  All kernels carry
# patches/block.  That the cases fail on the unpatched kernels, where
# tests/expect/base and tests/expect/upstream say, is make compare's
# business (LISTED=1: only the listed cases): it is a comparison, and
# it would take make check past its hour.
#
# Builds run one at a time, boots VM_JOBS at a time (default 2, one a
# core; none starts while a kernel builds, two beside the host checks; mdadm's suite and each patch's boot VM_LIGHT_JOBS at a time
# on top, as they mostly wait) beside them,
# each as soon as its kernel is built (see pipeline.sh).
# REUSE_RUNS=1 judges the newest run of each boot again, booting
# nothing.
. "$(dirname "$0")/lib.sh"
. "$RIG/scripts/pipeline.sh"

boots_of() { check_boots "$1"; }
"$RIG/scripts/deps.sh"
start=$SECONDS

echo "TAP version 13"
echo "# kernels: series=$SERIES_BASE+patches/6.18/ mainline=$MAINLINE_BASE+patches/mainline/" \
	"(each with its patches/block)"
# The steps, in this order.  Each full build comes before the kernels
# that mostly reuse its objects from ccache (the bisect worktrees).  The
# builds without the debug set come first: mdadm's suite, which mostly
# waits, and the groups booted without the debug set run on them beside
# the other builds.
queue_tree series
queue_build series nodebug
queue_tree mainline
queue_build mainline nodebug
queue_build series debug
queue_build mainline debug
queue_host "$SERIES_BASE"
queue_host "$MAINLINE_BASE"
queue_blktests
# The jobs, longest first once they have run.
for k in series mainline; do queue_boots "$k"; done

run_all

report_builds
report_host
report_blktests
report_boots
echo "1..$n"
echo "# verdict table (logs in $CACHE/runs):"
"$RIG/scripts/table.sh" "${table_args[@]}" | sed 's/^/# /'
[ -z "$BLKTESTS_SKIP" ] || echo "# blktests: skipped, $BLKTESTS_SKIP"
echo "# figures reported by the cases, per kernel:"
"$RIG/scripts/figures.sh" "${table_args[@]}" | sed 's/^/# /'
echo "# timeline (seconds from the start; cpu: host CPU seconds):"
report_timeline check | sed 's/^/# /'
echo "# make check took $((SECONDS - start)) s"
echo "$passed passed, $failed failed$([ "$skipped" = 0 ] || echo ", $skipped skipped")"
[ "$failed" -eq 0 ]

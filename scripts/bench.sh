#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# bench.sh
#
# What the series costs.  Builds base 6.18.15, base + series and the
# anchor without the debug options, boots each BOOTS times (default 3)
# with one vCPU under QEMU's -icount (guest time follows executed
# instructions, so figures repeat whatever else the host does) and runs
# tests/bench at full size.  Writes bench/report.md and bench/report.png:
# each figure as a ratio series/base and series/anchor, the median of the
# per-boot ratios with their range, and the raw medians.  Then times the
# rig itself: a warm edit of drivers/md/md-bitmap.c to a verdict.
. "$(dirname "$0")/lib.sh"

ANCHOR=7.1.13
BOOTS=${BOOTS:-3}
out=$RIG/bench
"$RIG/scripts/deps.sh"
command -v gnuplot >/dev/null || die "gnuplot missing"

declare -A tree=([base]=$SERIES_BASE-base [series]=$SERIES_BASE [anchor]=$ANCHOR-base)
"$RIG/scripts/tree.sh" "$SERIES_BASE" series >/dev/null
"$RIG/scripts/tree.sh" "$SERIES_BASE" base >/dev/null
"$RIG/scripts/tree.sh" "$ANCHOR" base >/dev/null
declare -A image
for k in base series anchor; do
	image[$k]=$(VARIANT=nodebug "$RIG/scripts/build.sh" "${tree[$k]}")
done

# Two boots at a time: with -icount each one's figures do not depend on
# the other.
data=$(mktemp)
trap 'rm -f "$data"' EXIT
jobs_dir=$(mktemp -d)
for i in $(seq "$BOOTS"); do
	for k in base series anchor; do
		while [ "$(jobs -rp | wc -l)" -ge 2 ]; do wait -n || true; done
		(VM_ICOUNT=1 VM_APPEND=rig.scale=full "$RIG/scripts/run-vm.sh" \
			"${image[$k]}" "bench-$k-$i" bench >"$jobs_dir/$k-$i" \
			2>/dev/null || true) &
	done
done
wait
for i in $(seq "$BOOTS"); do
	for k in base series anchor; do
		r=$(cat "$jobs_dir/$k-$i")
		grep -q '^# rig: done' "$r/tap.log" || die "bench boot $k-$i failed: $r"
		sed -n "s|^# figure [^ ]* \([^=]*\)=\(.*\)|$k $i \1 \2|p" "$r/tap.log"
	done
done >"$data"
rm -rf "$jobs_dir"

mkdir -p "$out"
"$RIG/scripts/bench-report.awk" "$data" >"$out/report.md"
awk '/^\| [a-z0-9_]*_ns /' "$out/report.md" |
	awk -F'|' '{ gsub(/ /, "", $2); split($3, a, " "); split($4, b, " ");
		print $2, a[1], b[1] }' >"$out/ratios.dat"
gnuplot <<GP
set terminal png size 1100,600
set output "$out/report.png"
set title "md-bitmap-grow: time of each bench case relative to base 6.18.15 and to 7.1.13 (-icount, median of $BOOTS boots)"
set style data histogram
set style histogram clustered gap 1
set style fill solid 0.8
set ylabel "ratio (1 = same time)"
set yrange [0.9:1.1]
set xtics rotate by -40 scale 0 font ",9"
set grid ytics
plot "$out/ratios.dat" using 2:xtic(1) title "series / base", \
	"" using 3 title "series / anchor"
GP
rm -f "$out/ratios.dat"

# The rig: a warm edit of md-bitmap.c to a verdict.
src=$CACHE/k/$SERIES_BASE/src
echo "/* bench: warm edit */" >>"$src/drivers/md/md-bitmap.c"
start=$SECONDS
"$RIG/scripts/validate.sh" >/dev/null 2>&1 || true
edit=$((SECONDS - start))
git -C "$src" checkout -q drivers/md/md-bitmap.c
"$RIG/scripts/build.sh" "$SERIES_BASE" >/dev/null 2>&1
printf '\n## The rig\n\nWarm edit of drivers/md/md-bitmap.c to verdict (make validate): %d s, measured %s.\n' \
	"$edit" "$(date -u +%Y-%m-%d)" >>"$out/report.md"
[ ! -f "$out/rig.md" ] || cat "$out/rig.md" >>"$out/report.md"
cat "$out/report.md"

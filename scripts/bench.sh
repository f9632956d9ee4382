#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# bench.sh
#
# What the series costs.  Builds base 6.18.15, base + series and the
# anchor without the debug options, boots each BOOTS times (default 3)
# with one vCPU under QEMU's -icount (guest time follows executed
# instructions, so figures repeat whatever else the host does) and runs
# tests/bench at full size.  Writes the figures to bench/data.txt, and
# bench/report.md and bench/report.png from them:
# each figure as a ratio series/base and series/anchor, the median of the
# per-boot ratios with their range, and the raw medians.  Then times the
# rig itself (rig-timing.sh; BENCH_NO_RIG=1 skips that).
. "$(dirname "$0")/lib.sh"

ANCHOR=7.1.13
BOOTS=${BOOTS:-3}
out=$RIG/bench
"$RIG/scripts/deps.sh"
command -v gnuplot >/dev/null || die "gnuplot missing"

mkdir -p "$out"
data=$out/data.txt
# BENCH_REPORT_ONLY=1: redo the report from bench/data.txt.
if [ -z "${BENCH_REPORT_ONLY:-}" ]; then
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
			# The serial console ends its lines with CRLF.
			tr -d '\r' <"$r/tap.log" |
				sed -n "s|^# figure [^ ]* \([^=]*\)=\(.*\)|$k $i \1 \2|p"
		done
	done >"$data"
	rm -rf "$jobs_dir"
fi
"$RIG/scripts/bench-report.awk" "$data" >"$out/report.md"
awk -F'|' '$2 ~ /_ns / && $3 ~ /\(/ { gsub(/ |_ns/, "", $2); split($3, a, " ");
	split($4, b, " "); print $2, a[1], b[1] }' "$out/report.md" >"$out/ratios.dat"
gnuplot <<GP
set terminal png size 1100,600 noenhanced
set output "$out/report.png"
set title "Time of each bench case, series relative to base 6.18.15 and to 7.1.13 (QEMU -icount, median of $BOOTS boots)"
set style data histogram
set style histogram clustered gap 1
set style fill solid 0.8
set ylabel "ratio (1 = same time)"
set yrange [0:2.5]
set xtics rotate by -40 scale 0 font ",9"
set grid ytics
plot "$out/ratios.dat" using 2:xtic(1) title "series / base", \
	"" using 3 title "series / anchor"
GP
rm -f "$out/ratios.dat"

# The rig's own speed, measured when the host is otherwise idle.
[ -n "${BENCH_NO_RIG:-}" ] || "$RIG/scripts/rig-timing.sh"
[ ! -f "$out/rig.md" ] || cat "$out/rig.md" >>"$out/report.md"
cat "$out/report.md"

#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# bench.sh
#
# What the series cost.  Builds without the debug options base 6.18.15,
# base + patches/6.18/ (series), the anchor 7.1.13, upstream 7.3.4 and
# upstream + patches/mainline/ (mainline), boots each BOOTS times
# (default 3) with one vCPU under QEMU's -icount (guest time follows
# executed instructions, so figures repeat whatever else the host does)
# and runs tests/bench at full size.  Writes the figures to
# bench/data.txt, and bench/report.md and bench/report.png from them:
# each time as a ratio series/base, series/anchor and mainline/upstream,
# the median of the per-boot ratios with their range, and the raw
# medians.  BENCH_KERNELS="mainline upstream" boots only those kernels
# and keeps the other kernels' lines of bench/data.txt.  Then times the
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
	declare -A tree=([base]=$SERIES_BASE-base [series]=$SERIES_BASE
		[anchor]=$ANCHOR-base [upstream]=$MAINLINE_BASE-base
		[mainline]=$MAINLINE_BASE)
	kernels=(${BENCH_KERNELS:-base series anchor upstream mainline})
	for k in "${kernels[@]}"; do
		[ -n "${tree[$k]:-}" ] || die "unknown bench kernel $k"
	done
	"$RIG/scripts/tree.sh" "$SERIES_BASE" series >/dev/null
	"$RIG/scripts/tree.sh" "$SERIES_BASE" base >/dev/null
	"$RIG/scripts/tree.sh" "$ANCHOR" base >/dev/null
	"$RIG/scripts/tree.sh" "$MAINLINE_BASE" series >/dev/null
	"$RIG/scripts/tree.sh" "$MAINLINE_BASE" base >/dev/null
	declare -A image
	for k in "${kernels[@]}"; do
		image[$k]=$(VARIANT=nodebug "$RIG/scripts/build.sh" "${tree[$k]}")
	done

	# Two boots at a time: with -icount each one's figures do not depend on
	# the other.
	jobs_dir=$(mktemp -d)
	for i in $(seq "$BOOTS"); do
		for k in "${kernels[@]}"; do
			while [ "$(jobs -rp | wc -l)" -ge 2 ]; do wait -n || true; done
			(VM_ICOUNT=1 VM_APPEND=rig.scale=full "$RIG/scripts/run-vm.sh" \
				"${image[$k]}" "bench-$k-$i" bench >"$jobs_dir/$k-$i" \
				2>/dev/null || true) &
		done
	done
	wait
	# The kernels not booted keep their lines.
	keep=" ${kernels[*]} "
	{
		[ ! -f "$data" ] ||
			awk -v keep="$keep" 'index(keep, " " $1 " ") == 0' "$data"
		for i in $(seq "$BOOTS"); do
			for k in "${kernels[@]}"; do
				r=$(cat "$jobs_dir/$k-$i")
				grep -q '^# rig: done' "$r/tap.log" ||
					die "bench boot $k-$i failed: $r"
				# The serial console ends its lines with CRLF.
				tr -d '\r' <"$r/tap.log" |
					sed -n "s|^# figure [^ ]* \([^=]*\)=\(.*\)|$k $i \1 \2|p"
			done
		done
	} >"$data.new"
	mv "$data.new" "$data"
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

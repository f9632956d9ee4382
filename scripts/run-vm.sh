#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# run-vm.sh KERNEL LABEL GROUP...
#
# Boot KERNEL under QEMU (TCG) with the named guest test groups, keep the
# serial log, and leave the guest's TAP in $CACHE/runs/<time>-LABEL/.
# Exit 0 only if the guest finished, every case passed or was skipped,
# and the serial log is clean.  Prints the run directory on stdout.
. "$(dirname "$0")/lib.sh"

kernel=$1 label=$2
shift 2
[ -f "$kernel" ] || die "no kernel image $kernel"
timeout=${VM_TIMEOUT:-1800}
run=$CACHE/runs/$(date +%Y%m%d-%H%M%S)-$label
mkdir -p "$run"
ln -sfn "$run" "$CACHE/runs/latest-$label"

"$RIG/scripts/initramfs.sh" "$run/initramfs.cpio.gz" "$@"
msg "booting $label ($*), log $run/console.log, timeout ${timeout}s"
start=$SECONDS
# Two vCPUs on one host thread: with several guests side by side on the
# host's two cores, multi-threaded TCG spent twice the CPU for the same
# work (a vCPU spinning on a lock whose holder the host preempted), and
# took longer.  VM_ICOUNT=1: one vCPU whose clock follows executed
# instructions, so that guest timings repeat whatever else the host runs
# (make bench).
# tsc=unstable: the guest keeps time by the HPET.  With the host busy,
# the boot-time TSC calibration is sometimes far off (287 MHz for 2.6 GHz
# in one boot of six started together), and then every sleep and timeout
# in the guest runs several times too fast.
# no_timer_check: with the host's cores taken by other guests and
# builds, the boot-time check that the IO-APIC timer ticks can see no
# tick in its short window and panic ("IO-APIC + timer doesn't work!",
# 1 boot of about 40 beside twelve others).
# la57=off: four-level page tables.  With LA57, identify_cpu() clears
# the boot CPU's capability words before reading them again, and an
# interrupt taken in that window makes KASAN check a direct-map address
# (ff11...) against the four-level address space: a wild-memory-access
# report from handle_edge_irq (2 boots in about 80), before md or any
# test ran.  The kernel's "no5lvl" would do, but is reported as an
# unknown parameter.
cpus=(-accel tcg,thread=single -smp 2)
[ -z "${VM_ICOUNT:-}" ] ||
	cpus=(-accel tcg,thread=single -smp 1 -icount shift=0,sleep=off)
qemu_rc=0
timeout --foreground -k 10 "$timeout" qemu-system-x86_64 \
	-machine q35 -cpu max,la57=off "${cpus[@]}" -m 3G \
	-kernel "$kernel" -initrd "$run/initramfs.cpio.gz" \
	-append "console=ttyS0 panic=-1 oops=panic loglevel=7 tsc=unstable no_timer_check rig.groups=$(IFS=,; echo "$*") brd.rd_nr=4 brd.rd_size=262144 ${VM_APPEND:-}" \
	-display none -monitor none -no-reboot \
	-serial "file:$run/console.log" -serial "file:$run/tap.log" \
	</dev/null >"$run/qemu.log" 2>&1 || qemu_rc=$?
echo $((SECONDS - start)) >"$run/seconds"
# Host CPU seconds the boot used (user + system of its children): how
# much of the guest's time was work rather than waiting.
times >"$run/cpu"	# in this shell: a pipe would run it in a subshell
awk 'NR == 2 { gsub(/[ms]/, " "); print int($1 * 60 + $2 + $3 * 60 + $4) }' \
	"$run/cpu" >"$run/cpu.tmp" && mv "$run/cpu.tmp" "$run/cpu"
msg "$label: guest ran $((SECONDS - start)) s, $(cat "$run/cpu") s of host CPU (qemu exit $qemu_rc)"

ok=1
if [ $qemu_rc -eq 124 ]; then
	echo "# $label: hard timeout after ${timeout}s" >>"$run/tap.log"
	ok=0
fi
grep -q '^# rig: done' "$run/tap.log" || {
	msg "$label: guest did not finish"
	ok=0
	# The case running when the guest died fails; later ones did not run.
	died=$(tr -d '\r' <"$run/console.log" |
		sed -n 's/.*rig: start \([^ ]*\)$/\1/p' | tail -n1)
	if [ -n "$died" ] && ! grep -q "rig: end $died " "$run/console.log"; then
		echo "not ok - $died - guest died during this case (see console.log)" \
			>>"$run/tap.log"
	fi
}
grep -q '^not ok' "$run/tap.log" && ok=0
"$RIG/scripts/scan-log.sh" "$run/console.log" >"$run/scan.log" || {
	cat "$run/scan.log" >&2
	ok=0
}
echo "$run"
[ $ok -eq 1 ]

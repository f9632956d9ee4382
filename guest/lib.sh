# SPDX-License-Identifier: GPL-2.0
# Helpers for guest test cases.  Sourced before each case.

# Fail the case with a message.
fail() { echo "FAIL: $*" >&2; exit 1; }

# figure KEY VALUE: report a count; the host sums them per kernel.
figure() { echo "figure $1=$2"; }

# expect_eq WHAT GOT WANT
expect_eq() {
	[ "$2" = "$3" ] || fail "$1: got '$2', want '$3'"
}

# loopdevs N SIZE_MB: create N loop devices over sparse files in /tmp and
# print their names.
loopdevs() {
	local i f
	for i in $(seq 0 $(($1 - 1))); do
		f=/tmp/disk$i.img
		rm -f "$f"
		truncate -s "${2}M" "$f"
		losetup -f --show "$f"
	done
}

# md_attr MD PATH: print /sys/block/MD/md/PATH.
md_attr() { cat "/sys/block/$1/md/$2"; }

# stop_all: stop every md array and detach every loop device.
stop_all() {
	local md
	for md in /sys/block/md*; do
		[ -e "$md" ] || continue
		mdadm --stop "/dev/$(basename "$md")" >/dev/null 2>&1
	done
	losetup -D 2>/dev/null
	rm -f /tmp/disk*.img
}

# settle MD: wait for resync/recovery/reshape on MD to finish.
settle() {
	mdadm --wait "/dev/$1" >/dev/null 2>&1 || true
}

# md_retry MDADM-ARGS...: mdadm, tried again for up to 30 s while it fails
# because the kernel still holds a stopped array's name.  For groups that
# test something else on kernels without the md_alloc() wait (group
# "recreate" tests re-creation itself, without retrying).
md_retry() {
	local i out
	for i in $(seq 60); do
		out=$(mdadm "$@" 2>&1) && return 0
		case $out in
		*"Fail to create"*|*"unexpected failure opening"*) sleep 0.5 ;;
		*) break ;;
		esac
	done
	echo "$out" >&2
	return 1
}

# reassemble MD DEV...: assemble MD again from DEV..., with md_retry.
reassemble() {
	local md=$1
	shift
	md_retry --assemble "/dev/$md" "$@"
}

# write_settled FILE VALUE: write VALUE to FILE, tried again every 50 ms
# while it is refused with EBUSY, at most 100 times: kernels without
# patch 7 of the series refuse a bitmap change right after another one.
# Leaves how many writes were refused in SETTLED_TRIES (not printed: a
# command substitution would fork, and leaks/001 calls this 2000 times).
write_settled() {
	SETTLED_TRIES=0
	until echo "$2" 2>/tmp/settled.err >"$1"; do
		grep -q busy /tmp/settled.err || fail "$1 <- $2: $(cat /tmp/settled.err)"
		SETTLED_TRIES=$((SETTLED_TRIES + 1))
		[ $SETTLED_TRIES -lt 100 ] || fail "$1 <- $2: refused 100 times"
		sleep 0.05
	done
}

# put_data MD: write DATA_MB MiB of random data to MD and keep a copy, for
# array_intact.
put_data() {
	dd if=/dev/urandom of=/tmp/data.$1 bs=1M count=$DATA_MB 2>/dev/null
	dd if=/tmp/data.$1 of=/dev/$1 bs=1M oflag=direct 2>/dev/null
}

# array_intact [MD]: the array is clean, takes a write and still holds the
# data put_data wrote.
array_intact() {
	local md=${1:-$MD} state
	state=$(md_attr $md array_state)
	case $state in clean|active|active-idle|read-auto) ;;
	*) fail "array_state $state" ;;
	esac
	# A write must complete: a suspended array would hang here.
	timeout 20 dd if=/dev/zero of=/dev/$md bs=4k count=1 seek=$((DATA_MB * 256)) \
		oflag=direct 2>/dev/null || fail "write to the array hangs or fails"
	cmp -n $((DATA_MB << 20)) /tmp/data.$md /dev/$md || fail "data changed"
}

# try_write FILE VALUE ERRNO-TEXT: writing VALUE (printf %b) to
# md/bitmap/FILE of $MD must fail with that error, change nothing that
# FILE reads, and leave the array intact.
try_write() {
	local f=/sys/block/$MD/md/bitmap/$1 before after err
	before=$(cat "$f")
	if printf '%b' "$2" 2>/tmp/try.err >"$f"; then
		fail "$1 accepted '$2'"
	fi
	err=$(cat /tmp/try.err)
	case $err in
	*"$3"*) ;;
	*) fail "$1 <- '$2': want '$3', got '$err'" ;;
	esac
	echo "refused: $1 <- '${2:0:40}': ${err##*: }"
	figure bad_inputs 1
	after=$(cat "$f")
	expect_eq "$1 after '${2:0:40}'" "$after" "$before"
	array_intact
}

# md_thread_pid MD: the pid of MD's md thread (md0_raid1, md0_raid5, ...).
md_thread_pid() {
	local p
	for p in /proc/[0-9]*; do
		case $(cat "$p/comm" 2>/dev/null) in
		"$1"_raid*) echo "${p#/proc/}"; return 0 ;;
		esac
	done
	return 1
}

# slow_md_thread MD: starve MD's md thread, to hold open on purpose the
# windows between what the kernel decides and what the md thread later
# does with it: SCHED_IDLE, and one busy loop per vCPU.  fast_md_thread
# MD undoes it.
SLOW_SECONDS=${SLOW_SECONDS:-10}
slow_md_thread() {
	local pid i
	pid=$(md_thread_pid "$1") || fail "no md thread for $1"
	chrt -i -p 0 "$pid"
	# The loops end by themselves after SLOW_SECONDS, and the md thread
	# gets its class back: a window held longer only stalls every IO of
	# the array, the switch's among them.  They are not the caller's
	# children: their end would interrupt a sysfs write of the caller's
	# (SIGCHLD, EINTR).
	for i in $(seq "$(nproc)"); do
		( (end=$((SECONDS + SLOW_SECONDS))
		   while [ $SECONDS -lt $end ]; do :; done
		   chrt -o -p 0 "$pid" 2>/dev/null) &
		  echo $! >>/tmp/busy.pids )
	done
}

fast_md_thread() {
	local pid
	if [ -f /tmp/busy.pids ]; then
		kill $(cat /tmp/busy.pids) 2>/dev/null || true
		rm -f /tmp/busy.pids
	fi
	if pid=$(md_thread_pid "$1"); then
		chrt -o -p 0 "$pid"
	fi
	return 0
}

# holds_mutex [MD]: somebody holds MD's reconfig_mutex: a store that takes
# it (metadata_version, which refuses an array with members anyway) is
# still waiting after a second.  It is killed then: it waits
# interruptibly.
holds_mutex() {
	local md=${1:-$MD} p held=0
	sh -c "echo 1.2 >/sys/block/$md/md/metadata_version" 2>/dev/null &
	p=$!
	sleep 1
	! kill -0 $p 2>/dev/null || held=1
	kill $p 2>/dev/null
	wait $p 2>/dev/null
	[ $held = 1 ]
}

# await_mutex_holder WHAT: WHAT, started in the background, holds $MD's
# reconfig_mutex within ten tries of holds_mutex, or the case fails.
await_mutex_holder() {
	local i
	for i in $(seq 10); do
		! holds_mutex || return 0
	done
	fail "$1 did not hold reconfig_mutex in 10 s"
}

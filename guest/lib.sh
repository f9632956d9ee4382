# SPDX-License-Identifier: GPL-2.0
# Helpers for guest test cases.  Sourced before each case.

# Fail the case with a message.
fail() { echo "FAIL: $*" >&2; exit 1; }

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

# reassemble MD DEV...: mdadm --assemble, tried again for up to 30 s while
# it fails because the kernel still holds the stopped array's name.  For
# groups that test something else on kernels without the md_alloc() wait
# (group "recreate" tests re-creation itself, without retrying).
reassemble() {
	local md=$1 i out
	shift
	for i in $(seq 60); do
		out=$(mdadm --assemble "/dev/$md" "$@" 2>&1) && return 0
		case $out in
		*"Fail to create"*|*"unexpected failure opening"*) sleep 0.5 ;;
		*) break ;;
		esac
	done
	echo "$out" >&2
	return 1
}

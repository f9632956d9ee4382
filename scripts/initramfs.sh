#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# initramfs.sh OUT.cpio.gz SPEC...
#
# Build the guest's initramfs: busybox and bash (static), mdadm and mdmon
# from the pinned source, a few host tools with their shared libraries,
# guest/ (init and the TAP runner) and the test groups the specs name
# (GROUP, GROUP@I/N or GROUP/CASE, see guest/cases); for group blktests,
# blktests with patches/blktests/ applied (scripts/blktests.sh).
. "$(dirname "$0")/lib.sh"

out=$1
shift
mdadm_dir=$("$RIG/scripts/mdadm.sh")

# Host binaries the tests use, copied with the libraries they link.
host_tools=(/sbin/dmsetup /sbin/losetup /sbin/mkfs.ext4 /usr/bin/setpriv /usr/bin/chrt
	/sbin/blkid /sbin/wipefs /usr/bin/lsblk /sbin/fsck /sbin/e2fsck
	/sbin/mke2fs /sbin/blockdev)

# GNU tools for blktests' check script (guest group blktests), in their
# own directory: the other groups keep busybox's.
blktests_tools=()
for t in mktemp realpath sort stat date diff getopt column find grep sed dd \
	timeout truncate sha256sum cmp nproc readlink head tail tr wc cut getconf gawk; do
	blktests_tools+=("$(command -v "$t")")
done

root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
mkdir -p "$root"/{bin,sbin,etc,proc,sys,dev,tmp,run,mnt,root,lib64}
mkdir -p "$root"/usr/{bin,sbin} "$root"/lib/x86_64-linux-gnu

cp /bin/busybox "$root/bin/busybox"
for applet in $("$root/bin/busybox" --list); do
	[ "$applet" = busybox ] || ln -sf busybox "$root/bin/$applet"
done
cp /bin/bash-static "$root/bin/bash"

copy_with_libs() { # DIR FILE...
	local dir=$1 f lib
	shift
	for f in "$@"; do
		rm -f "$root/$dir/$(basename "$f")"
		cp "$f" "$root/$dir/"
		for lib in $(ldd "$f" | grep -o '/[^ ]*'); do
			[ -e "$root$lib" ] || cp -L "$lib" "$root$lib"
		done
	done
}
copy_with_libs bin "${host_tools[@]}"
ln -sf e2fsck "$root/bin/fsck.ext3"
ln -sf mke2fs "$root/bin/mkfs.ext3"
ln -sf /bin/blockdev "$root/sbin/blockdev"
copy_with_libs sbin "$mdadm_dir/mdadm" "$mdadm_dir/mdmon"

# Stand-ins for system tools the guest has no use for otherwise.
cp "$RIG"/guest/bin/* "$root/usr/bin/"

# Small helpers of our own, static.
for c in "$RIG"/guest/tools/*.c; do
	gcc -O2 -Wall -Werror -static -o "$root/bin/$(basename "$c" .c)" "$c" ||
		die "cannot build $c"
done

printf 'root:x:0:0:root:/root:/bin/bash\nnobody:x:65534:65534:nobody:/:/bin/false\n' \
	>"$root/etc/passwd"
printf 'root:x:0:\nnogroup:x:65534:\n' >"$root/etc/group"
# mdadm.conf: no auto-assembly behind the tests' backs.
printf 'AUTO -all\n' >"$root/etc/mdadm.conf"

cp -r "$RIG/guest" "$root/guest"
rm -rf "$root/guest/tools" "$root/guest/bin"
mkdir -p "$root/tests"
for spec in "$@"; do
	g=${spec%%[@/]*}	# GROUP, GROUP@I/N or GROUP/CASE
	[ -d "$root/tests/$g" ] || cp -r "$RIG/tests/$g" "$root/tests/$g"
	# Group mdadm runs mdadm's own suite.
	if [ "$g" = mdadm ] && [ ! -d "$root/mdadm-tests" ]; then
		mkdir -p "$root/mdadm-tests"
		cp -r "$mdadm_dir/test" "$mdadm_dir/tests" "$root/mdadm-tests/"
	fi
	# Group blktests runs blktests with patches/blktests/ applied, if
	# there is a blktests tree (BLKTESTS); without one its cases skip.
	if [ "$g" = blktests ] && [ ! -d "$root/blktests" ] &&
	   "$RIG/scripts/blktests.sh" source >/dev/null 2>&1; then
		"$RIG/scripts/blktests.sh" tree "$root/blktests" ||
			die "cannot lay out blktests"
		rm -rf "$root/blktests/.git"
		# blktests' check wants GNU tools where busybox lacks options
		# (mktemp --tmpdir, sort -z, column, getopt's long options...).
		mkdir -p "$root/usr/lib/blktests/bin"
		copy_with_libs usr/lib/blktests/bin "${blktests_tools[@]}"
	fi
done
ln -sf guest/init "$root/init"

(cd "$root" && find . | LC_ALL=C sort | cpio -o -H newc --quiet) |
	gzip -1 >"$out"

#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# mdadm.sh
#
# Build mdadm and mdmon from Debian's pinned mdadm orig tarball into the
# cache and print the directory holding both (and mdadm's own test suite).
. "$(dirname "$0")/lib.sh"

dir=$CACHE/mdadm-$MDADM_VERSION
built() { [ -x "$dir/mdadm" ] && [ -x "$dir/mdmon" ]; }
if built; then
	echo "$dir"
	exit 0
fi
# make check boots several guests at once, and on an empty cache each
# wants mdadm: one builds it, the others wait for it.  It is built aside
# and moved into place, so that nobody sees half a build.
mkdir -p "$CACHE"
exec 9>"$dir.lock"
flock 9
if ! built; then
	tarball=$("$RIG/scripts/fetch.sh" mdadm "$MDADM_VERSION" "$MDADM_SHA256")
	rm -rf "$dir" "$dir.tmp"
	mkdir -p "$dir.tmp"
	tar -C "$dir.tmp" --strip-components=1 -xJf "$tarball"
	msg "building mdadm $MDADM_VERSION and mdmon in $dir"
	# The guest has no udev daemon: mdadm then creates device nodes
	# itself.  /run/mdadm is where mdmon keeps its sockets in the guest.
	make -s -C "$dir.tmp" -j"$(nproc)" CC="ccache gcc" \
		CCACHE_DIR="$CACHE/ccache" CXFLAGS="-O2 -DNO_LIBUDEV" \
		RUN_DIR=/run/mdadm mdadm mdmon >&2
	mv "$dir.tmp" "$dir"
fi
echo "$dir"

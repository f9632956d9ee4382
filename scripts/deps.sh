#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# deps.sh
#
# Install the Debian 12 packages the rig needs, if any are missing.  Only
# the machine's own apt sources are used for binaries.
. "$(dirname "$0")/lib.sh"

pkgs=(build-essential bc bison flex libelf-dev libssl-dev ccache sparse
	xz-utils lz4 cpio gzip git qemu-system-x86 busybox-static bash-static
	dmsetup util-linux e2fsprogs kmod python3 perl dpkg-dev gnuplot-nox
	shellcheck gawk bsdextrautils diffutils)
missing=()
for p in "${pkgs[@]}"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' ||
		missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
msg "installing: ${missing[*]}"
[ "$(id -u)" = 0 ] || die "need root to install ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -q >&2
apt-get install -y -q --no-install-recommends "${missing[@]}" >&2

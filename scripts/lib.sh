# SPDX-License-Identifier: GPL-2.0
# Shared settings for the rig's scripts.  Source it, do not run it.

set -euo pipefail

RIG=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# Everything downloaded or built lives outside the clone.
CACHE=${MDRIG_CACHE:-$HOME/.cache/md-bitmap-grow}
mkdir -p "$CACHE"

# The two patch queues and the kernels they apply to: patches/6.18/ (the
# 6.18 line) on Linux 6.18.15, patches/mainline/ on Linux 7.3.4.
SERIES_BASE=6.18.15
MAINLINE_BASE=7.3.4
# Upstream Linux with its own version of the fix, for comparison.
ANCHOR=7.1.13

# The kernels the rig boots, by label: the tree k/NAME each is built from
# (tree.sh VERSION lays out k/VERSION, tree.sh VERSION base k/VERSION-base).
# All carry the block fix.
declare -A KERNEL_TREE=(
	[series]=$SERIES_BASE		# + patches/6.18/
	[mainline]=$MAINLINE_BASE	# + patches/mainline/
	[base]=$SERIES_BASE-base	# unpatched
	[upstream]=$MAINLINE_BASE-base	# unpatched
	[anchor]=$ANCHOR-base		# unpatched, upstream's own fix
)

# queue_dir VERSION: the patch queue applied to Linux VERSION.
queue_dir() {
	case $1 in
	"$SERIES_BASE") echo "$RIG/patches/6.18" ;;
	"$MAINLINE_BASE") echo "$RIG/patches/mainline" ;;
	*) die "no patch queue for Linux $1" ;;
	esac
}

# block_queue_dir VERSION: the block fix the rig applies to Linux VERSION:
# patches/block/ is written for mainline, patches/block/6.18/ is the same
# fix for the older kernels.
block_queue_dir() {
	case $1 in
	"$MAINLINE_BASE") echo "$RIG/patches/block" ;;
	*) echo "$RIG/patches/block/6.18" ;;
	esac
}

# Linux VERSION -> how to get its source, checked by sha256:
#   "src SOURCE-VERSION SHA256": Debian's linux_VERSION.orig.tar.xz;
#   "deb PACKAGE PACKAGE-VERSION DEB-SHA256 MEMBER MEMBER-SHA256": the
#   tarball MEMBER inside a binary package (linux-source-X.Y), for versions
#   whose orig tarball is not in the pool.  It is Debian's tree: upstream
#   plus Debian's own patches.
declare -A LINUX_PIN=(
	[6.18.15]="src 6.18.15-1~bpo13+1 fdf4c4d487c95b17a41cb38003faef86669e532a44fe702eb31a3390b6a60cca"
	[7.1.13]="src 7.1.13-1~bpo13+1 25f65727fb83a4fa90d18ec1449bd99db93ad54faceacab821c38f19431940c2"
	[7.3.4]="deb linux-source-7.3 7.3.4-1~bpo13+1 703e369ddd4cce971452f5a593ee55df3a5c10c83caf0fa0df039633ed181ee3 usr/src/linux-source-7.3.tar.xz 76df1affb19f24926949369be1d74b60071c963c598ce8780bddd4bbf0fc3bc4"
)
# config_frags VARIANT: the config fragments build.sh merges on
# tinyconfig for a kernel built as VARIANT, one a line: every fragment
# for debug; for nodebug the debug set's (debug.config) place is taken
# by config/nodebug/.
config_frags() {
	case $1 in
	debug) printf '%s\n' "$RIG"/config/*.config ;;
	nodebug) printf '%s\n' "$RIG"/config/base.config \
		"$RIG"/config/md.config "$RIG"/config/nodebug/*.config ;;
	*) die "no kernel variant '$1' (debug, nodebug)" ;;
	esac
}

MDADM_VERSION=4.6
MDADM_SHA256=42d089a9a27f5ce8fb3a0ecf8f48b489ceae70c374e6ea79bc279a78ced72525

msg() { printf '==> %s\n' "$*" >&2; }

# tap_result CASE TAP-FILE...: pass, FAIL, skip, broken (a failure its
# suite expects: TAP TODO), or "-" if CASE did not run.
tap_result() {
	local c=$1
	shift
	cat "$@" 2>/dev/null | awk -v c="$c" '
		$1 == "ok" && $3 == c { r = ($0 ~ /# SKIP/) ? "skip" : "pass" }
		$1 == "not" && $4 == c { r = ($0 ~ /# TODO/) ? "broken" : "FAIL" }
		END { print r ? r : "-" }'
}
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# fetch.sh PACKAGE UPSTREAM-VERSION SHA256 [SOURCE-VERSION]
#
# Download PACKAGE_UPSTREAM-VERSION.orig.tar.xz from Debian's source pool
# into the cache, verify it and print its path.  A private apt
# configuration with deb-src lines only is used, so the machine's own apt
# sources and installed packages are never touched.
. "$(dirname "$0")/lib.sh"

pkg=$1 upver=$2 sha=$3 srcver=${4:-}
tarball=${pkg}_${upver}.orig.tar.xz
dl=$CACHE/downloads
out=$dl/$tarball

verify() { echo "$sha  $1" | sha256sum --quiet -c - >/dev/null 2>&1; }

if [ -f "$out" ] && verify "$out"; then
	msg "cached: $out"
	echo "$out"
	exit 0
fi

apt_dir=$CACHE/apt
mkdir -p "$apt_dir/lists/partial" "$apt_dir/archives/partial" \
	"$apt_dir/sources.list.d" "$dl"
cat >"$apt_dir/sources.list" <<'EOF'
deb-src http://deb.debian.org/debian trixie-backports main
deb-src http://deb.debian.org/debian trixie main
deb-src http://deb.debian.org/debian sid main
EOF
apt_opts=(
	-o Dir::Etc::SourceList="$apt_dir/sources.list"
	-o Dir::Etc::SourceParts="$apt_dir/sources.list.d"
	-o Dir::State::Lists="$apt_dir/lists"
	-o Dir::Cache="$apt_dir"
	-o Dir::Cache::Archives="$apt_dir/archives"
	-o APT::Sandbox::User=root
)

# Refresh the private index at most once a day.
stamp=$apt_dir/updated
if [ -z "$(find "$stamp" -mmin -1440 2>/dev/null)" ]; then
	msg "updating private deb-src index ($apt_dir)"
	apt-get "${apt_opts[@]}" update >&2
	touch "$stamp"
fi

if [ -z "$srcver" ]; then
	# Highest source version whose upstream part is UPVER.
	srcver=$(apt-cache "${apt_opts[@]}" showsrc "$pkg" |
		sed -n 's/^Version: //p' |
		grep -E "^([0-9]+:)?${upver//./\\.}-" | sort -Vr | head -n1)
	[ -n "$srcver" ] || die "no source version of $pkg for $upver"
fi

msg "downloading $tarball (source $pkg=$srcver)"
tmp=$(mktemp -d "$dl/.fetch.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && apt-get "${apt_opts[@]}" source --download-only --tar-only \
	"$pkg=$srcver") >&2
[ -f "$tmp/$tarball" ] || die "apt-get did not produce $tarball"
verify "$tmp/$tarball" || die "sha256 mismatch for $tarball (expected $sha)"
mv "$tmp/$tarball" "$out"
msg "verified: $out"
echo "$out"

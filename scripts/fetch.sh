#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# fetch.sh PACKAGE UPSTREAM-VERSION SHA256 [SOURCE-VERSION]
# fetch.sh --deb PACKAGE VERSION DEB-SHA256 MEMBER MEMBER-SHA256
#
# First form: download PACKAGE_UPSTREAM-VERSION.orig.tar.xz from Debian's
# source pool.  Second form: download the binary package PACKAGE=VERSION
# (an architecture "all" package such as linux-source-7.3, whose orig
# tarball is not in the pool) and take the file MEMBER out of it with
# dpkg-deb; nothing is installed.  Either way the result is verified,
# kept in the cache and its path printed.
#
# apt runs with a private configuration under the cache: deb-src lines for
# newer suites and one deb line for trixie-backports, all on the archive
# the machine's own apt sources use (read at run time, so no host is
# written here).  The machine's sources, lists and packages are never
# touched.  A file already in the cache with the right sum is used as is,
# so a version the archive has dropped keeps working where it was fetched
# once.
. "$(dirname "$0")/lib.sh"

dl=$CACHE/downloads
mkdir -p "$dl"
verify() { echo "$1  $2" | sha256sum --quiet -c - >/dev/null 2>&1; }

if [ "$1" = --deb ]; then
	mode=deb pkg=$2 ver=$3 sha=$4 member=$5 member_sha=$6
	out=$dl/${pkg}_${ver}.tar${member##*.tar}
	want_sha=$member_sha
else
	mode=src pkg=$1 upver=$2 sha=$3 srcver=${4:-}
	out=$dl/${pkg}_${upver}.orig.tar.xz
	want_sha=$sha
fi
if [ -f "$out" ] && verify "$want_sha" "$out"; then
	msg "cached: $out"
	echo "$out"
	exit 0
fi

# The archive of the machine's own release, as apt itself reports it.
. /etc/os-release
archive=$(apt-cache policy | awk -v s="$VERSION_CODENAME/main" \
	'$2 ~ /^https?:\/\// && $3 == s { print $2; exit }')
[ -n "$archive" ] || die "no apt source for $VERSION_CODENAME/main on this machine"

apt_dir=$CACHE/apt
mkdir -p "$apt_dir/lists/partial" "$apt_dir/archives/partial" \
	"$apt_dir/sources.list.d" "$apt_dir/preferences.d"
cat >"$apt_dir/sources.list.new" <<EOF
deb-src $archive trixie-backports main
deb-src $archive trixie main
deb-src $archive sid main
deb [arch=amd64] $archive trixie-backports main
EOF
mv "$apt_dir/sources.list.new" "$apt_dir/sources.list"
apt_opts=(
	-o Dir::Etc::SourceList="$apt_dir/sources.list"
	-o Dir::Etc::SourceParts="$apt_dir/sources.list.d"
	-o Dir::Etc::Preferences="$apt_dir/preferences"
	-o Dir::Etc::PreferencesParts="$apt_dir/preferences.d"
	-o Dir::State::Lists="$apt_dir/lists"
	-o Dir::State::status=/dev/null
	-o Dir::Cache="$apt_dir"
	-o Dir::Cache::Archives="$apt_dir/archives"
	-o APT::Sandbox::User=root
)

# Refresh the private index at most once a day, and whenever its list of
# sources changed.
stamp=$apt_dir/updated
lists=$(sha256sum <"$apt_dir/sources.list")
if [ -z "$(find "$stamp" -mmin -1440 2>/dev/null)" ] ||
   [ "$(cat "$stamp")" != "$lists" ]; then
	msg "updating the private apt index ($apt_dir)"
	apt-get "${apt_opts[@]}" update >&2
	echo "$lists" >"$stamp"
fi

tmp=$(mktemp -d "$dl/.fetch.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

if [ $mode = deb ]; then
	deb=${pkg}_${ver}_all.deb
	apt-cache "${apt_opts[@]}" show "$pkg=$ver" >/dev/null 2>&1 ||
		die "$pkg $ver is no longer in the archive ($archive trixie-backports), and $out is not cached"
	msg "downloading $pkg $ver"
	(cd "$tmp" && apt-get "${apt_opts[@]}" download "$pkg=$ver") >&2
	f=$(ls "$tmp"/*.deb 2>/dev/null | head -n1)
	[ -n "$f" ] || die "apt-get did not produce $deb"
	verify "$sha" "$f" || die "sha256 mismatch for $deb (expected $sha)"
	msg "unpacking $member from $deb"
	dpkg-deb --fsys-tarfile "$f" | tar -x -C "$tmp" "./$member"
	verify "$member_sha" "$tmp/$member" ||
		die "sha256 mismatch for $member in $deb (expected $member_sha)"
	mv "$tmp/$member" "$out"
	msg "verified: $out (from $deb)"
	echo "$out"
	exit 0
fi

if [ -z "$srcver" ]; then
	# Highest source version whose upstream part is UPVER.
	srcver=$(apt-cache "${apt_opts[@]}" showsrc "$pkg" |
		sed -n 's/^Version: //p' |
		grep -E "^([0-9]+:)?${upver//./\\.}-" | sort -Vr | head -n1)
	[ -n "$srcver" ] || die "no source version of $pkg for $upver"
fi

msg "downloading ${pkg}_${upver}.orig.tar.xz (source $pkg=$srcver)"
(cd "$tmp" && apt-get "${apt_opts[@]}" source --download-only --tar-only \
	"$pkg=$srcver") >&2
tarball=$(basename "$out")
[ -f "$tmp/$tarball" ] || die "apt-get did not produce $tarball"
verify "$sha" "$tmp/$tarball" || die "sha256 mismatch for $tarball (expected $sha)"
mv "$tmp/$tarball" "$out"
msg "verified: $out"
echo "$out"

#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# export.sh [VERSION]
#
# Regenerate the patch queue of Linux VERSION (default 6.18.15: patches/6.18/;
# 7.3.4: patches/mainline/) from its series tree, $CACHE/k/VERSION/src:
# one git format-patch file per commit on top of "base", the cover letter
# from the branch description, and the series file.  The output depends
# only on the commits, so "make tree && make export" changes nothing.
# EXPORT_DIR= writes elsewhere (tests/host/001 compares).
. "$(dirname "$0")/lib.sh"

ver=${1:-$SERIES_BASE}
src=$CACHE/k/$ver/src
[ -d "$src/.git" ] || die "no series tree $src; run 'make tree' first"
git -C "$src" diff --quiet HEAD || die "$src has uncommitted changes"

out=${EXPORT_DIR:-$(queue_dir "$ver")}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
n=$(git -C "$src" rev-list --count base..HEAD)
cover=()
if [ "$n" -gt 0 ] && git -C "$src" config branch.series.description >/dev/null; then
	cover=(--cover-letter --cover-from-description=subject)
fi
if [ "$n" -gt 0 ]; then
	git -C "$src" -c core.abbrev=12 format-patch -q "${cover[@]}" \
		--zero-commit --no-signature --no-numbered-files \
		-o "$tmp" base..HEAD
fi
# The cover letter would carry the time of export: give it the date of
# the last patch instead.
if [ -f "$tmp/0000-cover-letter.patch" ]; then
	last=$(ls "$tmp"/*.patch | tail -n1)
	date=$(sed -n '/^Date: /{p;q}' "$last")
	sed -i "0,/^Date: .*/s//$date/" "$tmp/0000-cover-letter.patch"
fi
{
	echo "# Apply in this order with git am on top of Linux $ver."
	echo "# 0000-cover-letter.patch is the cover letter; it is not applied."
	(cd "$tmp" && ls -- *.patch 2>/dev/null |
		grep -v '^0000-cover-letter.patch$' || true)
} >"$tmp/series.new"
mv "$tmp/series.new" "$tmp/series"
rm -f "$out"/*.patch "$out/series"
mkdir -p "$out"
cp "$tmp"/* "$out"/
msg "exported $n patch(es) to $out"

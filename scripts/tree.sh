#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# tree.sh VERSION [series|base]
#
# Lay out a kernel source tree in the cache and print its path.
#   series: a git repository, base commit "Linux VERSION" (tag "base"),
#           then patches/series applied with git am.
#   base:   the pristine upstream tree, no patches.
# Trees live in $CACHE/k/NAME/src; their build dir is $CACHE/k/NAME/build,
# so the relative path from build to source is the same for every kernel
# and ccache can share objects between them.
. "$(dirname "$0")/lib.sh"

ver=$1 kind=${2:-series}
read -r srcver sha <<<"${LINUX_PIN[$ver]:-}" || true
[ -n "${sha:-}" ] || die "no pin for Linux $ver (known: ${!LINUX_PIN[*]})"

if [ "$kind" = series ]; then
	name=$ver
else
	name=$ver-base
fi
src=$CACHE/k/$name/src

extract() {
	local tarball
	tarball=$("$RIG/scripts/fetch.sh" linux "$ver" "$sha" "$srcver")
	msg "extracting $(basename "$tarball") into $src"
	rm -rf "$src.tmp"
	mkdir -p "$src.tmp"
	# Progress: one dot per 2000 files.
	tar -C "$src.tmp" --strip-components=1 -xJf "$tarball" \
		--checkpoint=2000 --checkpoint-action=dot
	echo >&2
	mv "$src.tmp" "$src"
}

# Fixed identity and dates: the base commit hash is the same everywhere.
git_fixed() {
	GIT_AUTHOR_NAME=rig GIT_AUTHOR_EMAIL=rig@localhost \
	GIT_COMMITTER_NAME=rig GIT_COMMITTER_EMAIL=rig@localhost \
	GIT_AUTHOR_DATE="2000-01-01T00:00:00Z" \
	GIT_COMMITTER_DATE="2000-01-01T00:00:00Z" git -C "$src" "$@"
}

[ -d "$src" ] || extract
if [ "$kind" != series ]; then
	echo "$src"
	exit 0
fi

if [ ! -d "$src/.git" ]; then
	msg "creating base commit"
	git_fixed init -q -b series
	git_fixed add -A
	git_fixed commit -q -m "Linux $ver"
	git_fixed tag base
fi
# git am records a committer: the rig's own git identity.
for k in user.name user.email; do
	v=$(git -C "$RIG" config "$k" || echo rig)
	git -C "$src" config "$k" "$v"
done

# Skip the work when the tree already holds exactly these patches.
stamp=$src/.git/rig-series
want=$(cd "$RIG/patches" && cat series $(grep -v '^#' series) 2>/dev/null |
	sha256sum | cut -d' ' -f1)
have_head=$(git -C "$src" rev-parse HEAD)
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want $have_head" ] &&
   git -C "$src" diff --quiet HEAD; then
	msg "tree up to date: $src"
	echo "$src"
	exit 0
fi

git -C "$src" diff --quiet HEAD ||
	die "$src has uncommitted changes; commit them and run 'make export'"
if [ "$have_head" != "$(git -C "$src" rev-parse base)" ]; then
	git -C "$src" branch -f "previous" "$have_head"
	msg "old series head kept as branch 'previous'"
fi
git -C "$src" checkout -q -B series base
# Keep the cover letter: it becomes the branch description for export.
cover=$RIG/patches/0000-cover-letter.patch
if [ -f "$cover" ]; then
	"$RIG/scripts/cover.sh" read "$cover" >"$src/.git/rig-cover"
	git -C "$src" config branch.series.description \
		"$(cat "$src/.git/rig-cover")"
fi
while read -r p; do
	case $p in ''|'#'*) continue ;; esac
	msg "applying $p"
	git -C "$src" am -q --committer-date-is-author-date "$RIG/patches/$p" ||
		die "git am failed on $p"
done <"$RIG/patches/series"
echo "$want $(git -C "$src" rev-parse HEAD)" >"$stamp"
echo "$src"

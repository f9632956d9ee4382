#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# tree.sh VERSION [series|base]
#
# Lay out a kernel source tree in the cache as a git repository and print
# its path:
#   tag "upstream"  Linux VERSION as Debian ships it (see LINUX_PIN)
#   tag "base"      + the block fix (patches/block, or its 6.18 version)
#   branch series   + the patch queue of VERSION (series trees only):
#                   patches/ on 6.18.15, patches/mainline/ on 7.3.4
# An unpatched tree (base) is cloned from the series tree of its version
# when that is laid out, else extracted like it.
# Trees live in $CACHE/k/NAME/src, their build in $CACHE/k/NAME/build, so
# the path from build to source is the same for every kernel and ccache
# can share objects between them.
. "$(dirname "$0")/lib.sh"

ver=$1 kind=${2:-series}
pin=${LINUX_PIN[$ver]:-}
[ -n "$pin" ] || die "no pin for Linux $ver (known: ${!LINUX_PIN[*]})"

name=$ver
[ "$kind" = series ] || name=$ver-base
src=$CACHE/k/$name/src

extract() {
	local tarball
	local how srcver sha pkg pkgver debsha member membersha
	read -r how _ <<<"$pin"
	if [ "$how" = src ]; then
		read -r how srcver sha <<<"$pin"
		tarball=$("$RIG/scripts/fetch.sh" linux "$ver" "$sha" "$srcver")
	else
		read -r how pkg pkgver debsha member membersha <<<"$pin"
		tarball=$("$RIG/scripts/fetch.sh" --deb "$pkg" "$pkgver" \
			"$debsha" "$member" "$membersha")
	fi
	msg "extracting $(basename "$tarball") into $src"
	rm -rf "$src.tmp"
	mkdir -p "$src.tmp"
	# Progress: one dot per 2000 files.
	tar -C "$src.tmp" --strip-components=1 -xJf "$tarball" \
		--checkpoint=2000 --checkpoint-action=dot
	echo >&2
	mv "$src.tmp" "$src"
}

# Fixed identity and dates: the upstream commit hash is the same everywhere.
git_fixed() {
	GIT_AUTHOR_NAME=rig GIT_AUTHOR_EMAIL=rig@localhost \
	GIT_COMMITTER_NAME=rig GIT_COMMITTER_EMAIL=rig@localhost \
	GIT_AUTHOR_DATE="2000-01-01T00:00:00Z" \
	GIT_COMMITTER_DATE="2000-01-01T00:00:00Z" git -C "$src" "$@"
}

# apply_queue DIR: git am every patch listed in DIR/series.
apply_queue() {
	local p
	while read -r p; do
		case $p in ''|'#'*) continue ;; esac
		msg "applying $(basename "$1")/$p"
		git -C "$src" am -q --committer-date-is-author-date "$1/$p" ||
			die "git am failed on $1/$p"
	done <"$1/series"
}

queue_hash() { # DIR...
	local d
	for d in "$@"; do
		(cd "$d" && cat series $(grep -v '^#' series))
	done | sha256sum | cut -d' ' -f1
}

# clone_series: the unpatched tree of a version whose series tree is laid
# out, cloned from it.  The same tarball, and a local clone shares its
# objects: checking out the upstream commit took 6 s where extracting
# and hashing the tarball again took 110 s from an empty cache.
clone_series() {
	local series=$CACHE/k/$ver/src
	msg "cloning the upstream commit of $series into $src"
	rm -rf "$src.tmp"
	git clone -q --local --no-checkout "$series" "$src.tmp"
	git -C "$src.tmp" checkout -q -B series upstream
	mv "$src.tmp" "$src"
}

if [ ! -d "$src" ]; then
	if [ "$kind" = base ] &&
	   git -C "$CACHE/k/$ver/src" rev-parse -q --verify upstream >/dev/null 2>&1; then
		clone_series
	else
		extract
	fi
fi
if [ ! -d "$src/.git" ]; then
	msg "creating the upstream commit"
	git_fixed init -q -b series
	# -f: Debian's tarballs carry a top-level .gitignore that ignores
	# everything ("/*", its packaging).
	git_fixed add -A -f
	git_fixed commit -q -m "Linux $ver"
	git_fixed tag upstream
fi
# No automatic gc: after the first commit's 90,000 loose objects it would
# pack them all in the background, CPU taken from the builds and boots
# running beside it.
git -C "$src" config gc.auto 0
git -C "$src" rev-parse -q --verify upstream >/dev/null ||
	git -C "$src" tag upstream "$(git -C "$src" rev-list --max-parents=0 HEAD)"
# git am records a committer: the rig's own git identity.
for k in user.name user.email; do
	v=$(git -C "$RIG" config "$k" || echo rig)
	git -C "$src" config "$k" "$v"
done

queues=("$(block_queue_dir "$ver")")
[ "$kind" = series ] && queues+=("$(queue_dir "$ver")")
want=$(queue_hash "${queues[@]}")
stamp=$src/.git/rig-applied
head=$(git -C "$src" rev-parse HEAD)
if [ "$(cat "$stamp" 2>/dev/null)" = "$want $head" ]; then
	if git -C "$src" diff --quiet HEAD; then
		msg "tree up to date: $src"
	else
		# A developer's edit in progress: build it as it is.
		msg "tree has uncommitted changes, used as they are: $src"
	fi
	echo "$src"
	exit 0
fi

git -C "$src" diff --quiet HEAD ||
	die "$src has uncommitted changes; commit them and run 'make export'"
if [ "$head" != "$(git -C "$src" rev-parse upstream)" ]; then
	git -C "$src" branch -f previous "$head"
	msg "old head kept as branch 'previous'"
fi
git -C "$src" checkout -q -B series upstream
apply_queue "$(block_queue_dir "$ver")"
git -C "$src" tag -f base >/dev/null
if [ "$kind" = series ]; then
	# The cover letter becomes the branch description, for export.
	cover=$(queue_dir "$ver")/0000-cover-letter.patch
	if [ -f "$cover" ]; then
		git -C "$src" config branch.series.description \
			"$("$RIG/scripts/cover.sh" read "$cover")"
	fi
	apply_queue "$(queue_dir "$ver")"
fi
echo "$want $(git -C "$src" rev-parse HEAD)" >"$stamp"
echo "$src"

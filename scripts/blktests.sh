#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# blktests.sh source
# blktests.sh tree DIR
# blktests.sh check
# blktests.sh export DIR
#
# blktests (the suite the block and md maintainers run) with our md tests,
# patches/blktests/, applied:
#   source     print where blktests comes from: $BLKTESTS (a checkout or a
#              git bundle; default ../shared/blktests/blktests-a608cb5.bundle
#              beside the clone, when it exists); exit 3 if there is none;
#   tree DIR   clone it into DIR (which must not exist), check out the
#              series' base commit when the clone has it, apply the series
#              with git am, and build the helper programs our tests use
#              (static: the guest has no shared C library of its own);
#   check      blktests' own "make check" (shellcheck, TODO, .out modes)
#              on a tree made as above (a pass is remembered per tree);
#   export DIR regenerate patches/blktests/ from the commits of blktests
#              checkout DIR on top of the base commit (its branch
#              description is the cover letter), as the maintainers
#              take them: git format-patch --subject-prefix="PATCH
#              blktests" --base.
. "$(dirname "$0")/lib.sh"

QUEUE=$RIG/patches/blktests

# The programs of blktests' src/ that our tests need.
SRC_PROGRAMS=(md_stop_hold)

source_of() {
	local s=${BLKTESTS:-$RIG/../shared/blktests/blktests-a608cb5.bundle}
	if [ -e "$s" ]; then
		(cd "$(dirname "$s")" && echo "$(pwd)/$(basename "$s")")
		return 0
	fi
	echo "no blktests tree: set BLKTESTS (not found: $s)" >&2
	return 3
}

# The commit the series applies to, from the cover letter's base-commit.
base_commit() {
	sed -n 's/^base-commit: \([0-9a-f]*\)$/\1/p' "$QUEUE/0000-cover-letter.patch" 2>/dev/null |
		head -n1
}

make_tree() { # DIR
	local src dir=$1 base p
	src=$(source_of) || exit 3
	[ ! -e "$dir" ] || die "$dir exists"
	git clone -q "$src" "$dir" >&2
	base=$(base_commit)
	if [ -n "$base" ] && git -C "$dir" cat-file -e "$base^{commit}" 2>/dev/null; then
		git -C "$dir" checkout -q --detach "$base"
	else
		msg "blktests: base commit ${base:-?} not in $src, applying on its HEAD"
	fi
	# An identity of its own: CI's machine may have none configured.
	for p in $(grep -v '^#' "$QUEUE/series"); do
		git -C "$dir" -c user.name=md-rig -c user.email=md-rig@localhost \
			am -q "$QUEUE/$p" >&2 || die "blktests: $p does not apply"
	done
	make -s -C "$dir/src" LDFLAGS=-static "${SRC_PROGRAMS[@]}" >/dev/null 2>&1 ||
		die "blktests: cannot build ${SRC_PROGRAMS[*]}"
}

export_queue() { # DIR
	local dir=$1 base branch date
	base=${BLKTESTS_BASE:-$(base_commit)}
	[ -n "$base" ] || die "no base commit: set BLKTESTS_BASE"
	branch=$(git -C "$dir" symbolic-ref --short HEAD)
	git -C "$dir" config "branch.$branch.description" >/dev/null ||
		die "no cover letter: git -C $dir branch --edit-description"
	tmp=$(mktemp -d)
	trap 'rm -rf "$tmp"' EXIT
	git -C "$dir" -c core.abbrev=12 format-patch -q --cover-letter \
		--cover-from-description=subject --subject-prefix="PATCH blktests" \
		--base="$base" --zero-commit --no-signature -o "$tmp" "$base..HEAD"
	# The cover letter would carry the time of export: give it the date
	# of the last patch instead.
	date=$(sed -n '/^Date: /{p;q}' "$(ls "$tmp"/*.patch | tail -n1)")
	sed -i "0,/^Date: .*/s//$date/" "$tmp/0000-cover-letter.patch"
	{
		echo "# Apply in this order with git am on top of blktests $base."
		echo "# 0000-cover-letter.patch is the cover letter; it is not applied."
		(cd "$tmp" && ls -- *.patch | grep -v '^0000-cover-letter.patch$')
	} >"$tmp/series"
	rm -rf "$QUEUE"
	mkdir -p "$QUEUE"
	cp "$tmp"/* "$QUEUE"/
	msg "exported $(git -C "$dir" rev-list --count "$base..HEAD") patch(es) to $QUEUE"
}

case ${1:-} in
source) source_of ;;
tree) [ -n "${2:-}" ] || die "usage: blktests.sh tree DIR"; make_tree "$2" ;;
check)
	# blktests' make check runs shellcheck -x on every test: 6 minutes
	# of CPU here.  Its verdict depends only on the tree and shellcheck,
	# so a pass is kept in the cache under their hash; it runs at the
	# lowest priority, in the time the guests beside it leave idle.
	dir=$(mktemp -d)
	trap 'rm -rf "$dir"' EXIT
	make_tree "$dir/blktests"
	key=$( (git -C "$dir/blktests" rev-parse 'HEAD^{tree}'; shellcheck --version) |
		sha256sum | cut -c1-16)
	mkdir -p "$CACHE/blktests"
	if [ -f "$CACHE/blktests/check-$key.ok" ]; then
		echo "blktests make check passed on this tree before ($CACHE/blktests/check-$key.ok)"
		exit 0
	fi
	nice -n 19 make -C "$dir/blktests" check
	echo "blktests $(git -C "$dir/blktests" rev-parse HEAD) tree $key" \
		>"$CACHE/blktests/check-$key.ok"
	;;
export) [ -n "${2:-}" ] || die "usage: blktests.sh export DIR"; export_queue "$2" ;;
*) die "usage: blktests.sh source | tree DIR | check | export DIR" ;;
esac

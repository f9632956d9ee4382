#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# bisect.sh build [VERSION]
# bisect.sh boot [VERSION [N]]
#
# Check the patch queue of Linux VERSION (default 6.18.15: patches/6.18/;
# 7.3.4: patches/mainline/) patch by patch, in a worktree of its series
# tree, $CACHE/k/VERSION-bisect/src:
#   build  build bzImage after each patch, then drivers/md at W=1 with
#          sparse on what the patch makes make rebuild (the base: every
#          file); fail on any warning, line numbers aside, that the base
#          does not have.
#   boot   boot each patch's bzImage (the N-th only, with N) with the
#          "bisect" guest tests.
# Each patch is built and booted as a bisecting user would, without the
# debug set (VARIANT=nodebug, as for mdadm's suite): what is checked here
# is that every step builds, warns no more and works; lockdep, KASAN and
# the rest check the whole queue in every guest group.  A debug boot of
# a patch took 25 s of host CPU, one without 3 s.
# Results are kept per commit, so an unchanged patch is not checked twice.
# An empty queue passes at once.
. "$(dirname "$0")/lib.sh"

mode=$1 ver=${2:-$SERIES_BASE}
tree=$CACHE/k/$ver/src
dir=$CACHE/k/$ver-bisect
src=$dir/src
w1=$dir/w1
[ -d "$tree/.git" ] || die "no series tree $tree; run 'make tree' first"
if [ -z "$(git -C "$tree" rev-list base..series)" ]; then
	echo "no patches on top of Linux $ver: nothing to check"
	exit 0
fi
mkdir -p "$dir/results"

if [ ! -d "$src" ]; then
	git -C "$tree" worktree prune
	git -C "$tree" worktree add -q --detach "$src" base
fi

export VARIANT=nodebug
export ARCH=x86_64 CCACHE_DIR=${CCACHE_DIR:-$CACHE/ccache}
export CCACHE_BASEDIR=$CACHE/k CCACHE_NOHASHDIR=1 CCACHE_DEPEND=1	# see build.sh

cfg=$(config_frags "$VARIANT" | xargs -d '\n' cat | sha256sum | cut -c1-12)

# warnings COMMIT [all]: W=1 and sparse warnings of drivers/md,
# normalized: of every file with "all" (the base), else of the files
# that changed, or depend on a change, since the last call: make
# rebuilds just those (git checkout gives every file it writes a new
# mtime), and sparse (C=1) checks what is built.  A file left alone
# warns as it did, so whatever is new shows; sparse on every file of
# drivers/md after each patch took most of the host checks' time.
warnings() {
	git -C "$src" checkout -q --detach "$1"
	mkdir -p "$w1"
	if [ ! -f "$w1/.config" ] || ! cmp -s "$dir/build-$VARIANT/.config" "$w1/.config"; then
		cp "$dir/build-$VARIANT/.config" "$w1/.config"
		make -s -C "$src" O="$w1" olddefconfig
	fi
	[ "${2:-}" != all ] || find "$w1/drivers/md" -name '*.o' -delete 2>/dev/null
	make -s -C "$src" O="$w1" CC="ccache gcc" -j"$(nproc)" W=1 C=1 \
		drivers/md/ 2>&1 |
		{ grep -E 'warning:|error:' || true; } |
		sed -E 's#^.*/(drivers/[^:]*):[0-9]+:[0-9]+: #\1: #' | sort
}

build_all() {
	local c n=0 bad=0 image base_warn new t0 t1 times
	base_warn=$dir/results/base-$(git -C "$tree" rev-parse base)-$cfg.warn
	if [ ! -f "$base_warn" ]; then
		t0=$SECONDS
		git -C "$src" checkout -q --detach base
		"$RIG/scripts/build.sh" "$ver-bisect" >/dev/null
		t1=$SECONDS
		warnings base all >"$base_warn.tmp" && mv "$base_warn.tmp" "$base_warn"
		echo "base: bzImage $((t1 - t0)) s, W=1 and sparse $((SECONDS - t1)) s"
	fi
	for c in $(git -C "$tree" rev-list --reverse base..series); do
		n=$((n + 1))
		subj=$(git -C "$tree" log -1 --format=%s "$c")
		res=$dir/results/$c-$cfg
		if [ -f "$res.build" ]; then
			echo "patch $n: $(cat "$res.build") (cached): $subj"
			grep -q '^ok' "$res.build" || bad=1
			continue
		fi
		git -C "$src" checkout -q --detach "$c"
		t0=$SECONDS times=
		if ! image=$("$RIG/scripts/build.sh" "$ver-bisect" 2>"$res.log"); then
			tail -n 20 "$res.log"
			echo "not ok: does not build" >"$res.build"
		else
			cp "$image" "$res.bzImage"
			t1=$SECONDS
			new=$(warnings "$c" | comm -13 "$base_warn" -)
			times=" (bzImage $((t1 - t0)) s, W=1 and sparse $((SECONDS - t1)) s)"
			if [ -n "$new" ]; then
				echo "$new"
				echo "not ok: new warnings" >"$res.build"
			else
				echo "ok: builds, no new W=1/sparse warning" >"$res.build"
			fi
		fi
		echo "patch $n: $(cat "$res.build"): $subj$times"
		grep -q '^ok' "$res.build" || bad=1
	done
	return $bad
}

# boot_all [N]: boot each patch's image (only the N-th with N).  A patch
# whose boot passed once is not booted again; one whose boot failed since
# BISECT_SINCE (seconds since the epoch: make check boots each patch as a
# job of its own, then runs this to report) is reported, not retried.
boot_all() {
	local c n=0 bad=0 run took only=${1:-}
	for c in $(git -C "$tree" rev-list --reverse base..series); do
		n=$((n + 1)) took=
		[ -z "$only" ] || [ "$only" = $n ] || continue
		subj=$(git -C "$tree" log -1 --format=%s "$c")
		res=$dir/results/$c-$cfg
		if [ ! -f "$res.bzImage" ]; then
			echo "patch $n: not ok: no image (build failed?): $subj"
			bad=1
			continue
		fi
		if [ ! -f "$res.boot" ] && [ -n "${BISECT_SINCE:-}" ] && [ -f "$res.boot.fail" ] &&
		   [ "$(stat -c %Y "$res.boot.fail")" -ge "$BISECT_SINCE" ]; then
			echo "patch $n: $(cat "$res.boot.fail"): $subj"
			bad=1
			continue
		fi
		if [ ! -f "$res.boot" ]; then
			if run=$("$RIG/scripts/run-vm.sh" "$res.bzImage" \
				"bisect-$ver-$n" bisect 2>/dev/null); then
				echo "ok: boots, bitmap array works" >"$res.boot"
				rm -f "$res.boot.fail"
				took=" ($(cat "$run/seconds") s, cpu $(cat "$run/cpu") s)"
			else
				grep -E '^(not ok|#)' "$run/tap.log" | head -n 20
				cat "$run/scan.log" 2>/dev/null | head -n 20
				echo "not ok: see $run" >"$res.boot.fail"
				echo "patch $n: not ok: see $run: $subj"
				bad=1
				continue
			fi
		fi
		echo "patch $n: $(cat "$res.boot"): $subj$took"
	done
	return $bad
}

case $mode in
build) build_all ;;
boot) boot_all "${3:-}" ;;
*) die "usage: bisect.sh build [VERSION] | boot [VERSION [N]]" ;;
esac

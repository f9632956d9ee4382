#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# rig-timing.sh
#
# Time the rig's inner loop and write bench/rig.md: a warm edit of
# drivers/md/md-bitmap.c in the series tree to a verdict (make validate),
# split into the incremental build and the boot with the scenario.  Run
# it on an otherwise idle host; cold figures (fresh clone, empty cache)
# take too long to measure here and are kept in bench/cold.md.
. "$(dirname "$0")/lib.sh"

src=$CACHE/k/$SERIES_BASE/src
out=$RIG/bench
mkdir -p "$out"
"$RIG/scripts/tree.sh" "$SERIES_BASE" series >/dev/null
"$RIG/scripts/build.sh" "$SERIES_BASE" >/dev/null

trap 'git -C "$src" checkout -q drivers/md/md-bitmap.c' EXIT
echo "/* rig-timing: warm edit */" >>"$src/drivers/md/md-bitmap.c"
start=$SECONDS
"$RIG/scripts/build.sh" "$SERIES_BASE" >/dev/null 2>&1
build=$((SECONDS - start))
"$RIG/scripts/validate.sh" >/dev/null 2>&1 || die "validate failed"
total=$((SECONDS - start))
git -C "$src" checkout -q drivers/md/md-bitmap.c
"$RIG/scripts/build.sh" "$SERIES_BASE" >/dev/null 2>&1

cat >"$out/rig.md" <<MD

## The rig

Warm edit of drivers/md/md-bitmap.c to a verdict (\`make validate\`):
**$total s**: $build s incremental build, $((total - build)) s boot, scenario
and verdict.  Measured $(date -u +%Y-%m-%d) by \`scripts/rig-timing.sh\`.
MD
[ ! -f "$out/cold.md" ] || cat "$out/cold.md" >>"$out/rig.md"
cat "$out/rig.md"

#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# figures.sh LABEL=RUN-DIR...
#
# Print the figures the guest cases report ("# figure CASE KEY=N" in a
# run's TAP), summed per label (a kernel): one row per key, one column
# per label, "-" where no case of that label reported the key.
. "$(dirname "$0")/lib.sh"

for a in "$@"; do
	# Not the bench smoke test's times: on a debug kernel they say nothing.
	sed -n "/^# figure bench\//d; s|^# figure [^ ]* |${a%%=*} |p" \
		"${a#*=}/tap.log" 2>/dev/null
done | awk '
	{ split($2, kv, "="); sum[kv[1], $1] += kv[2]; seen[kv[1], $1] = 1
	  if (!(kv[1] in keys)) { keys[kv[1]] = 1; korder[++nk] = kv[1] }
	  if (!($1 in labels)) { labels[$1] = 1; lorder[++nl] = $1 } }
	END {
		printf "%-22s", "figure"
		for (j = 1; j <= nl; j++) printf " %8s", lorder[j]
		print ""
		for (i = 1; i <= nk; i++) {
			printf "%-22s", korder[i]
			for (j = 1; j <= nl; j++) {
				v = "-"
				if ((korder[i], lorder[j]) in seen)
					v = sum[korder[i], lorder[j]]
				printf " %8s", v
			}
			print ""
		}
	}'

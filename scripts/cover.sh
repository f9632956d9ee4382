#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# cover.sh read COVER-LETTER
#
# Print the branch description a cover letter was made from: its subject
# (without the "[PATCH 0/N]" prefix), a blank line, then the body up to
# the shortlog that git format-patch appends.
. "$(dirname "$0")/lib.sh"

[ "$1" = read ] || die "usage: cover.sh read FILE"
awk '
	hdr && /^Subject: / { sub(/^Subject: (\[[^]]*\] )?/, ""); subj = $0; insub = 1; next }
	hdr && insub && /^[ \t]/ { sub(/^[ \t]+/, " "); subj = subj $0; next }
	hdr && /^$/ { hdr = 0; print subj; print ""; next }
	hdr { insub = 0; next }
	/^[^ ].* \([0-9]+\):$/ { exit }
	{ body[n++] = $0 }
	END { while (n > 0 && body[n - 1] == "") n--; for (i = 0; i < n; i++) print body[i] }
	BEGIN { hdr = 1 }
' "$2"

# SPDX-License-Identifier: GPL-2.0
# Shared settings for the rig's scripts.  Source it, do not run it.

set -euo pipefail

RIG=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# Everything downloaded or built lives outside the clone.
CACHE=${MDRIG_CACHE:-$HOME/.cache/md-bitmap-grow}
mkdir -p "$CACHE"

# Base of the series, and the upstream anchor that carries its own fix.
SERIES_BASE=6.18.15

# version -> "debian-source-version sha256" of linux_VERSION.orig.tar.xz
declare -A LINUX_PIN=(
	[6.18.15]="6.18.15-1~bpo13+1 fdf4c4d487c95b17a41cb38003faef86669e532a44fe702eb31a3390b6a60cca"
	[7.1.13]="7.1.13-1~bpo13+1 25f65727fb83a4fa90d18ec1449bd99db93ad54faceacab821c38f19431940c2"
)
MDADM_VERSION=4.6
MDADM_SHA256=42d089a9a27f5ce8fb3a0ecf8f48b489ceae70c374e6ea79bc279a78ced72525

msg() { printf '==> %s\n' "$*" >&2; }

# tap_result CASE TAP-FILE...: pass, FAIL, skip, broken (a failure its
# suite expects: TAP TODO), or "-" if CASE did not run.
tap_result() {
	local c=$1
	shift
	cat "$@" 2>/dev/null | awk -v c="$c" '
		$1 == "ok" && $3 == c { r = ($0 ~ /# SKIP/) ? "skip" : "pass" }
		$1 == "not" && $4 == c { r = ($0 ~ /# TODO/) ? "broken" : "FAIL" }
		END { print r ? r : "-" }'
}
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

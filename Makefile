# SPDX-License-Identifier: GPL-2.0
# md-bitmap-grow: the patch series in patches/ and the rig that proves it.
#
#   make validate                 base + series: build, boot, scenario, verdict
#   make validate KERNEL=bzImage  the same scenario on any kernel image
#   make validate BASE=7.1.13     an unpatched upstream version
#   make check                    every test; ends with "N passed, N failed"
#   make bench                    what the series costs: bench/report.md
#   make tree / make export       series tree <-> patches/ round trip
#
# Downloads, trees, builds and run logs live in $(MDRIG_CACHE)
# (default ~/.cache/md-bitmap-grow), never in this clone.

KERNEL ?=
BASE ?=
SERIES_BASE := 6.18.15

.PHONY: validate check tree export deps bench

validate:
	@KERNEL='$(KERNEL)' BASE='$(BASE)' scripts/validate.sh

check:
	@scripts/check.sh

bench:
	@scripts/bench.sh

tree: deps
	@scripts/tree.sh $(SERIES_BASE) series

export:
	@scripts/export.sh

deps:
	@scripts/deps.sh

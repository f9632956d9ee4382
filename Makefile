# SPDX-License-Identifier: GPL-2.0
# md-bitmap-grow: the patch series in patches/6.18/ and
# patches/mainline/, and the rig that proves it.
#
#   make validate                 base + series: build, boot, scenario, verdict
#   make validate KERNEL=bzImage  the same scenario on any kernel image
#   make validate BASE=7.1.13     an unpatched upstream version
#   make check                    every test; ends with "N passed, N failed"
#   make compare                  every test on the unpatched kernels
#                                 (LISTED=1: the cases that must fail)
#   make bench                    what the series costs: bench/report.md
#   make tree / make export       series trees <-> patches/6.18/ and
#                                 patches/mainline/ round trip
#
# Downloads, trees, builds and run logs live in $(MDRIG_CACHE)
# (default ~/.cache/md-bitmap-grow), never in this clone.

KERNEL ?=
BASE ?=
SERIES_BASE := 6.18.15
MAINLINE_BASE := 7.3.4

.PHONY: validate check compare tree export deps bench

validate:
	@KERNEL='$(KERNEL)' BASE='$(BASE)' scripts/validate.sh

check:
	@scripts/check.sh

compare:
	@scripts/compare.sh

bench:
	@scripts/bench.sh

tree: deps
	@scripts/tree.sh $(SERIES_BASE) series
	@scripts/tree.sh $(MAINLINE_BASE) series

export:
	@scripts/export.sh $(SERIES_BASE)
	@scripts/export.sh $(MAINLINE_BASE)

deps:
	@scripts/deps.sh

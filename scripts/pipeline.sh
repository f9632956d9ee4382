# SPDX-License-Identifier: GPL-2.0
# pipeline.sh: the machinery of make check and make compare.  Source it
# after lib.sh.
#
# The work is queued, then run in two lanes:
#  - steps, one at a time, in the order queued: lay out a tree, build a
#    kernel, the host checks of a queue that do not boot (the bisect
#    builds among them).  Each build uses both cores.
#  - jobs, VM_JOBS at a time (default 2, but none start while a step
#    builds: VM_JOBS_BESIDE_BUILD; and VM_LIGHT_JOBS light ones, see
#    job_class), beside the steps: the boots of a
#    kernel, each as soon as the step that builds its image is done, and
#    the bisect boots of each patch of a queue, once its bisect builds
#    are done.  Ready jobs start longest first, by the time their last
#    run took.
# Then every boot is judged against tests/expect/<kernel>, as TAP.  Each
# step and job is timed: the timeline is printed at the end and kept in
# $CACHE/runs/<time>-<what>.timeline.
#
# Boots are lines "KERNEL NAME VARIANT SPECS": SPECS comma-separated
# guest/cases specs, VARIANT debug or nodebug (the kernel built without
# the debug set).  A case that kills the guest loses the rest of its boot
# ("-", which an expected failure accepts), so a group that a kernel's
# expect file marks "log:GROUP" (its serial log is expected dirty: a
# deadlock, a hung task) or "maybe-log:GROUP" (dirty in some runs) always
# gets a boot of its own.

# The groups, as boots: groups joined by commas share a boot, and are
# sized so that boots run side by side finish together.  "GROUP@I/N" is
# the I-th of N shards of a group's cases.  bench is a smoke test of
# "make bench" (small sizes, figures reported).  A new group goes in
# both lists.
# make compare, which checks the expect lists of the unpatched kernels
# in full, boots every group with the debug set: their failures are
# lockdep and KASAN reports and the hung-task detector.
DEBUG_BOOTS="seed,paths@1/2,imsm,bench paths@2/2,persist,recreate
	faults,stale,events busy,badinput,blktests leaks,stress race@1/2 race@2/2"
# make check boots the series with the debug set only where it is what
# shows the bug: writers against switches, stops and starts (lockdep and
# hung tasks: race; recreate, which DEBUG_KOBJECT_RELEASE's deferred
# releases make meet a lingering array), injected faults (fail-nth),
# leaks (kmemleak) and every RAID level's paths with the none backend's
# bitmap_ops (KASAN).  The groups that check what an array shows, keeps
# and refuses (location, superblocks, events, EBUSY and EROFS, no stale
# member, and blktests' cases of them) boot without it, where they took
# a tenth of the host CPU (60 s against about 600 for seed, imsm,
# persist, bench, badinput, events and stress); their serial logs are
# scanned all the same.  With every group on a debug kernel the two
# kernels' boots took 5400 s of host CPU (2026-12-03), which alone took
# make check past an hour.
CHECK_DEBUG_BOOTS="race@1/2,leaks race@2/2,recreate faults paths@1/2 paths@2/2"
CHECK_NODEBUG_BOOTS="seed,imsm,persist,bench,badinput,events,stress,busy
	stale,blktests"
# blktests' md tests (group blktests) need a blktests tree to run from
# (BLKTESTS, see scripts/blktests.sh): without one they are booted
# nowhere, and the verdict says so.
BLKTESTS_SKIP=
"$RIG/scripts/blktests.sh" source >/dev/null 2>&1 ||
	BLKTESTS_SKIP="no tree: set BLKTESTS"

# booted SPEC: 0 if the group of SPEC is booted (see BLKTESTS_SKIP).
booted() { [ "${1%%[@/]*}" != blktests ] || [ -z "$BLKTESTS_SKIP" ]; }
# mdadm's own suite, on the kernel built without the debug set, where it
# runs several times faster.
NODEBUG_BOOTS="mdadm@1/3 mdadm@2/3 mdadm@3/3"

# groups_of WORD...: the groups boot words name, one a line, sorted.
groups_of() { echo "$*" | tr ' ,\t\n' '\n\n\n\n' | sed 's|[@/].*||; /^$/d' | sort -u; }
# Both lists boot every group.
[ "$(groups_of $DEBUG_BOOTS)" = "$(groups_of $CHECK_DEBUG_BOOTS $CHECK_NODEBUG_BOOTS)" ] ||
	die "pipeline.sh: DEBUG_BOOTS and CHECK_*_BOOTS name different groups"

# Two debug guests, one a core: TCG guests side by side slow each other
# down beyond their share of the cores (the host's caches hold their
# translated code): llbitmap's race/004 took 66 s of host CPU alone,
# 150-180 s with four more guests beside it.  A third guest used to fill
# the time the others waited, but a debug guest now waits little: leaks
# and stress took 150 s of CPU in 160 s alone, 195 s in 300 s as one of
# three (2026-12-03).
VM_JOBS=${VM_JOBS:-2}
# Boots of mdadm's suite and of each patch of a queue (both on kernels
# built without the debug set) mostly wait, or are short: 40-55 s of
# host CPU in 240-320 s, 3 s a patch.  Up to VM_LIGHT_JOBS of them run
# beside the VM_JOBS others instead of taking their places.
VM_LIGHT_JOBS=${VM_LIGHT_JOBS:-3}
# While a step builds a kernel on both cores, no more than
# VM_JOBS_BESIDE_BUILD heavy boots start (those started while a tree was
# laid out run on): a debug guest beside a build costs more host CPU
# for the same work, and slows the build more than its share.  From an
# empty cache, mainline's debug boots took 1323 s of CPU with three
# beside the builds, 1227 s with two, 1133 s in a warm run; its debug
# build took 330 s nearly alone, 747-850 s beside two.  With two, the
# builds' lane was the whole check (3668 s of 3739, bench/cold.md): the
# boots wait for the builds instead, and the light ones fill the cores'
# gaps.
VM_JOBS_BESIDE_BUILD=${VM_JOBS_BESIDE_BUILD:-0}
# The host checks build each patch's drivers/md, a few files at a time,
# and use 1.15 of the two cores: with no heavy boot beside them they
# held the guests back for 940 s of a warm check.  Two run beside them.
VM_JOBS_BESIDE_HOST=${VM_JOBS_BESIDE_HOST:-2}
# Seconds a case gets in the boots that only show what an unpatched
# kernel fails (expect_boots); 600 elsewhere (guest/run).
EXPECT_CASE_TIMEOUT=${EXPECT_CASE_TIMEOUT:-240}
# A guest here shares the host with builds and other guests: a boot that
# takes 420 s of CPU ran 1718 s beside five others and a build, and one
# of 437 s hit run-vm.sh's default limit of 1800 s.  Hung guests end
# sooner anyway: hung-task panic, and each case's limit in guest/run.
export VM_TIMEOUT=${VM_TIMEOUT:-3600}
state=$(mktemp -d)
mkdir -p "$state"/{done,failed,out,host} "$CACHE/times" "$CACHE/runs"
trap 'rm -rf "$state"' EXIT
T0=$(date +%s)
steps=()		# step ids, in order
declare -A step_cmd step_after	# [id]: the command, for eval; steps it needs
jobs_q=()		# job ids
declare -A job_cmd job_after
boots=()		# "KERNEL NAME VARIANT SPECS"
host_cases=()		# "NNN VERSION", in the order reported

# --- queueing ------------------------------------------------------------

add_step() { steps+=("$1"); step_cmd[$1]=$2; step_after[$1]=${3:-}; } # ID CMD AFTER
add_job() { jobs_q+=("$1"); job_cmd[$1]=$2; job_after[$1]=${3:-}; } # ID CMD AFTER

# queue_tree LABEL: lay out the tree of kernel LABEL.
queue_tree() {
	local t=${KERNEL_TREE[$1]} kind=series
	[ "${t%-base}" = "$t" ] || kind=base
	add_step "tree:$1" "\"\$RIG/scripts/tree.sh\" ${t%-base} $kind >/dev/null"
}

# queue_build LABEL VARIANT: build its image (nothing with REUSE_RUNS).
queue_build() {
	[ -z "${REUSE_RUNS:-}" ] || return 0
	add_step "$2:$1" "VARIANT=$2 \"\$RIG/scripts/build.sh\" ${KERNEL_TREE[$1]}" "tree:$1"
}

# queue_boots KERNEL: its boots (boots_of KERNEL prints them, one a line),
# each a job after the build of its image.
queue_boots() {
	local k=$1 name variant specs list
	list=$(boots_of "$k")
	while read -r _ name variant specs; do
		[ -n "$name" ] || continue
		boots+=("$k $name $variant $specs")
		add_job "boot:$k:$name" "boot $k $name $variant $specs" \
			"$([ -n "${REUSE_RUNS:-}" ] || echo "$variant:$k")"
	done <<<"$list"
}

# queue_host VERSION: the host checks of the queue on Linux VERSION: those
# that do not boot as one step; the boot of each patch of the queue as a
# job of its own, after that step (its bisect builds make the images);
# then those that boot (tests/host/004, BOOTS_GUESTS=1), as jobs that
# find every patch booted: a patch whose boot failed in this run is
# reported, not booted again (BISECT_SINCE).
export BISECT_SINCE=$T0
queue_host() {
	local f n i after="host:$1" count
	add_step "host:$1" "host_steps $1" "tree:$(queue_label "$1")"
	count=$(grep -cv -e '^#' -e '^$' "$(queue_dir "$1")/series" || true)
	for i in $(seq "$count"); do
		add_job "bisect:$1:$i" "\"\$RIG/scripts/bisect.sh\" boot $1 $i || true" "host:$1"
		after+=" bisect:$1:$i"
	done
	for f in "$RIG"/tests/host/[0-9][0-9][0-9]; do
		n=${f##*/}
		host_cases+=("$n $1")
		! grep -q '^BOOTS_GUESTS=1' "$f" ||
			add_job "host:$n:$1" "host_case $n $1" "$after"
	done
}

# --- boots ---------------------------------------------------------------

label_of() { echo "$1-${2//[,:@\/]/-}"; } # KERNEL BOOT-NAME

# boot_name VARIANT SPECS: the name of a boot, part of its run's label.
boot_name() {
	local n=$2
	[ "$1" = debug ] || n=$1:$2
	echo "${n//[,:@\/]/-}"
}

# log_groups EXPECT: the groups EXPECT marks "log:" or "maybe-log:".
log_groups() {
	sed -n 's/^\(maybe-\)\{0,1\}log://p' "$1" 2>/dev/null || true
}

# boot_words KERNEL WORD...: boots from words of BOOTS lists: "SPECS"
# (comma-separated) or "nodebug:SPECS".  A group the kernel's expect file
# marks "log:" is taken out of its word into a boot of its own.
boot_words() {
	local k=$1 w v specs s rest log
	shift
	log=$(log_groups "$RIG/tests/expect/$k")
	for w in "$@"; do
		v=debug specs=$w
		[ "${w#nodebug:}" = "$w" ] || v=nodebug specs=${w#nodebug:}
		rest=
		for s in ${specs//,/ }; do
			booted "$s" || continue
			if grep -qx "${s%%[@/]*}" <<<"$log"; then
				echo "$k $(boot_name $v "$s") $v $s"
			else
				rest+=${rest:+,}$s
			fi
		done
		[ -z "$rest" ] || echo "$k $(boot_name $v "$rest") $v $rest"
	done
}

# boots_with KERNEL NODEBUG-WORDS DEBUG-WORDS: the boots of both lists,
# those of the first on the kernel built without the debug set.
boots_with() {
	local w nd=()
	for w in $2; do nd+=("nodebug:$w"); done
	boot_words "$1" "${nd[@]}" $3
}

# full_boots KERNEL: every group with the debug set, and mdadm's suite
# (make compare).
full_boots() { boots_with "$1" "$NODEBUG_BOOTS" "$DEBUG_BOOTS"; }

# check_boots KERNEL: every group, with the debug set where it shows the
# bug (see CHECK_DEBUG_BOOTS), and mdadm's suite (make check).
check_boots() {
	boots_with "$1" "$NODEBUG_BOOTS $CHECK_NODEBUG_BOOTS" "$CHECK_DEBUG_BOOTS"
}

# expect_boots KERNEL: only the cases tests/expect/KERNEL lists as
# failing (debug kernel): one boot "expect" for the groups not marked
# "log:", and one boot "expect-GROUP" per "log:GROUP", with the listed
# cases of that group, or the whole group if none is listed.  Not the
# maybe: cases: either result is accepted, so they show nothing here
# (make compare runs them); the anchor's and upstream's leaks/001 alone
# took 368 s of a 500 s boot.
expect_boots() {
	local k=$1 e=$RIG/tests/expect/$1 g logs common specs
	[ -f "$e" ] || die "no $e"
	logs=$(log_groups "$e" | while read -r g; do
		if booted "$g"; then echo "$g"; fi; done)
	common=$(listed_cases "$e" | while read -r c; do
		booted "$c" || continue
		grep -qx "${c%%/*}" <<<"$logs" || echo "$c"; done | paste -sd,)
	[ -z "$common" ] || echo "$k expect debug $common"
	for g in $logs; do
		specs=$(listed_cases "$e" | { grep "^$g/" || true; } | paste -sd,)
		echo "$k expect-$g debug ${specs:-$g}"
	done
}

# listed_cases EXPECT: the cases it lists as failing, grouped by group,
# groups in order of first appearance, cases in order within a group.
listed_cases() {
	sed -n 's|^\([a-z0-9_-]*/[^ ]*\)$|\1|p' "$1" |
		awk -F/ '{ if (!($1 in o)) o[$1] = n++; print o[$1], $0 }' |
		sort -k1,1n -k2 | cut -d' ' -f2
}

# boot KERNEL NAME VARIANT SPECS: one boot, its run directory in
# the job's output.
boot() {
	local k=$1 name=$2 v=$3 specs=$4 label img
	label=$(label_of "$k" "$name")
	if [ -n "${REUSE_RUNS:-}" ]; then
		readlink "$CACHE/runs/latest-$label"
		return
	fi
	img=$(cat "$state/out/$(id_file "$v:$k")")
	# A case an unpatched kernel is expected to fail need not run its
	# course there: some only fail by running out of time (switches
	# refused for minutes on end), at a cost to every other boot.
	case $name in
	expect*) export VM_APPEND="${VM_APPEND:-} rig.case_timeout=$EXPECT_CASE_TIMEOUT" ;;
	esac
	"$RIG/scripts/run-vm.sh" "$img" "$label" ${specs//,/ } 2>/dev/null || true
}

# --- host checks ---------------------------------------------------------

# host_case NNN VERSION: run tests/host/NNN on the queue of VERSION; its
# status and output in $state/host/NNN-VERSION.{rc,log}.
host_case() {
	local f=$RIG/tests/host/$1 status=0
	msg "host/$1 $2: $(bash -c ". $f; echo \"\$DESCRIPTION\"")"
	( export VERSION=$2; . "$RIG/tests/host/rc"; . "$f"; test_case ) \
		>"$state/host/$1-$2.log" 2>&1 || status=$?
	echo "$status" >"$state/host/$1-$2.rc"
}

host_steps() { # VERSION: the host checks that do not boot
	local f
	for f in "$RIG"/tests/host/[0-9][0-9][0-9]; do
		grep -q '^BOOTS_GUESTS=1' "$f" || host_case "${f##*/}" "$1"
	done
}

# --- running -------------------------------------------------------------

id_file() { echo "${1//[:\/@,]/_}"; }

# timed KIND ID COMMAND: run it, output in $state/out/ID, a timeline line
# "KIND ID START END CPU STATUS" (seconds since the start, CPU seconds of
# the command and its children).
timed() {
	local kind=$1 id=$2 f s e status=0
	f=$(id_file "$id")
	s=$(($(date +%s) - T0))
	( eval "$3" >"$state/out/$f" 2> >(tee "$state/out/$f.log" >&2)
	  rc=$?; times >"$state/out/$f.times"; exit $rc ) || status=$?
	e=$(($(date +%s) - T0))
	cpu=$(awk 'NR == 2 { gsub(/[ms]/, " "); print int($1 * 60 + $2 + $3 * 60 + $4) }' \
		"$state/out/$f.times")
	echo "$kind $id $s $e $cpu $status" >>"$state/timeline"
	[ -n "${REUSE_RUNS:-}" ] || echo $((e - s)) >"$CACHE/times/$f"
	if [ "$status" = 0 ]; then
		touch "$state/done/$f"
	else
		touch "$state/failed/$f"
	fi
	return 0
}

# job_class ID: "light" for a boot of mdadm's suite, each patch's boot
# and blktests' make check (see VM_LIGHT_JOBS), "heavy" for any other
# job.  The groups booted without the debug set are heavy: they use a
# core as they run (stale starves the md thread with busy loops), and
# three of them beside a build made the builds' lane of a cold check
# twice as long.
job_class() {
	case $1 in
	boot:*:nodebug-mdadm-* | bisect:* | lint:*) echo light ;;
	*) echo heavy ;;
	esac
}

# run_all: the steps in order, in the background; the jobs as their steps
# are done, VM_JOBS at a time (and VM_LIGHT_JOBS light ones), longest
# first.
run_all() {
	local s j f dep ready left pending n c
	local -A busy limit=([light]=$VM_LIGHT_JOBS)	# [heavy]: per round
	(
		set +e
		for s in "${steps[@]}"; do
			for dep in ${step_after[$s]}; do
				[ -f "$state/failed/$(id_file "$dep")" ] || continue
				msg "step $s: not run, $dep failed"
				echo "not run: $dep failed" >"$state/out/$(id_file "$s").log"
				touch "$state/failed/$(id_file "$s")"
				continue 2
			done
			msg "step $s"
			echo "$s" >"$state/step"
			timed step "$s" "${step_cmd[$s]}"
			rm -f "$state/step"
			[ -f "$state/done/$(id_file "$s")" ] || msg "step $s FAILED"
		done
	) &
	local chain=$!
	pending=$(for j in "${jobs_q[@]}"; do
		last=$(cat "$CACHE/times/$(id_file "$j")" 2>/dev/null || true)
		echo "${last:-99999} $j"
	done | sort -s -rn -k1,1 | cut -d' ' -f2)
	declare -A running=()
	while :; do
		for j in "${!running[@]}"; do
			kill -0 "${running[$j]}" 2>/dev/null && continue
			wait "${running[$j]}" || true
			msg "done $j ($(cat "$CACHE/times/$(id_file "$j")" 2>/dev/null) s)"
			unset "running[$j]"
		done
		busy=([heavy]=0 [light]=0)
		limit[heavy]=$VM_JOBS
		case $(cat "$state/step" 2>/dev/null) in
		debug:* | nodebug:*) limit[heavy]=$VM_JOBS_BESIDE_BUILD ;;
		host:*) limit[heavy]=$VM_JOBS_BESIDE_HOST ;;
		esac
		for j in "${!running[@]}"; do
			c=$(job_class "$j")
			busy[$c]=$((busy[$c] + 1))
		done
		left=
		for j in $pending; do
			ready=1
			for dep in ${job_after[$j]}; do
				f=$(id_file "$dep")
				if [ -f "$state/failed/$f" ]; then
					ready=skip
					break
				fi
				[ -f "$state/done/$f" ] || ready=0
			done
			if [ $ready = skip ]; then
				msg "$j: not run, ${job_after[$j]} failed"
				touch "$state/failed/$(id_file "$j")"
			elif c=$(job_class "$j") && [ $ready = 1 ] &&
			     [ ${busy[$c]} -lt "${limit[$c]}" ]; then
				msg "start $j"
				timed job "$j" "${job_cmd[$j]}" &
				running[$j]=$!
				busy[$c]=$((busy[$c] + 1))
			else
				left+=" $j"
			fi
		done
		pending=$left
		[ -z "$pending" ] && [ ${#running[@]} -eq 0 ] && break
		sleep 2
	done
	wait "$chain" || true
	ran=$(($(date +%s) - T0))
}

# --- TAP -----------------------------------------------------------------

n=0 passed=0 failed=0
tap() { # STATUS DESCRIPTION [DIAGNOSTICS-FILE]
	n=$((n + 1))
	if [ "$1" = 0 ]; then
		echo "ok $n - $2"
		passed=$((passed + 1))
	else
		echo "not ok $n - $2"
		failed=$((failed + 1))
		[ -z "${3:-}" ] || sed 's/^/#   /' "$3"
	fi
}

# is VALUE WANTED...: 0 if VALUE is one of WANTED, else 1, printed (a
# failed test would end this script under set -e).
is() {
	local v=$1
	shift
	case " $* " in *" $v "*) echo 0 ;; *) echo 1 ;; esac
}

# boot_cases SPECS: the cases of comma-separated specs as guest/run names
# them in its TAP.
boot_cases() { "$RIG/guest/cases" "$RIG/tests" ${1//,/ } | sed 's|/suite:|/|'; }

# check_case KERNEL CASE TAP EXPECT: one TAP line for CASE's result on
# KERNEL, against the cases EXPECT lists as failing there ("maybe:CASE":
# may fail or pass there, EXPECT says why).  A suite test its group's
# skip file names must be skipped, with its reason.
check_case() {
	local got want=pass g=${2%%/*} log=$state/case.log
	got=$(tap_result "$2" "$3")
	grep -qx "$2" "$4" 2>/dev/null && want=FAIL
	if grep -qx "maybe:$2" "$4" 2>/dev/null; then
		tap "$(is "$got" pass FAIL)" "$1 $2 passes or fails there, as listed ($got)"
		return
	fi
	if [ -f "$RIG/tests/$g/skip" ] && grep -q "^${2#*/} " "$RIG/tests/$g/skip"; then
		tap "$(is "$got" skip)" "$1 $2 is skipped, as listed ($got)"
		return
	fi
	awk -v c="$2" '$4 == c || $3 == c { p = 1; print; next }
		p && /^#/ { print; next } { p = 0 }' "$3" | grep '^#' >"$log" || true
	if [ "$want" = FAIL ]; then
		# "-": did not run, because the guest died earlier.
		tap "$(is "$got" FAIL -)" "$1 $2 fails, as expected ($got)" "$log"
	else
		tap "$(is "$got" pass)" "$1 $2 passes ($got)" "$log"
	fi
}

# report_host: one TAP line per host check and queue.
report_host() {
	local nv nnn v f desc
	for nv in "${host_cases[@]}"; do
		read -r nnn v <<<"$nv"
		f=$RIG/tests/host/$nnn
		desc=$(bash -c ". $f; echo \"\$DESCRIPTION\"")
		if [ -f "$state/host/$nnn-$v.rc" ]; then
			tap "$(cat "$state/host/$nnn-$v.rc")" \
				"host/$nnn $(queue_label "$v") - $desc" "$state/host/$nnn-$v.log"
		else
			echo "# host/$nnn did not run: a step before it failed" >"$state/case.log"
			tap 1 "host/$nnn $(queue_label "$v") - $desc" "$state/case.log"
		fi
	done
}

# queue_label VERSION: series (patches/) or mainline (patches/mainline/).
queue_label() {
	local k
	for k in series mainline; do
		[ "${KERNEL_TREE[$k]}" != "$1" ] || { echo "$k"; return; }
	done
	echo "$1"
}

# report_boots: the cases of every boot against the expect file of its
# kernel, then its serial log, expected dirty if one of its groups is
# listed as "log:GROUP".  table_args gets "KERNEL=RUN" for table.sh.
table_args=()
report_boots() {
	local line k name v specs r expect mark status g c f
	for line in "${boots[@]}"; do
		read -r k name v specs <<<"$line"
		expect=$RIG/tests/expect/$k
		f=$(id_file "boot:$k:$name")
		r=$(cat "$state/out/$f" 2>/dev/null || true)
		if [ ! -f "$state/done/$f" ] || [ -z "$r" ] || [ ! -d "$r" ]; then
			echo "# no run: the kernel did not build, or no run to reuse" >"$state/case.log"
			tap 1 "$k $name: booted" "$state/case.log"
			continue
		fi
		table_args+=("$k=$r")
		for c in $(boot_cases "$specs"); do
			check_case "$k" "$c" "$r/tap.log" "$expect"
		done
		# What the expect file says of its groups' serial log.
		mark=$(for g in ${specs//,/ }; do
			grep -x -e "log:${g%%[@/]*}" -e "maybe-log:${g%%[@/]*}" "$expect" || true
		done)
		status=0
		"$RIG/scripts/scan-log.sh" "$r/console.log" >"$state/case.log" 2>&1 || status=$?
		case $mark in
		*maybe-log:*)
			tap 0 "$k $name: serial log $([ "$status" = 0 ] && echo clean || echo dirty), either accepted" "$state/case.log" ;;
		?*)
			tap "$(is "$status" 1)" "$k $name: serial log shows the expected failure" "$state/case.log" ;;
		*)
			tap "$status" "$k $name: serial log clean" "$state/case.log" ;;
		esac
	done
}

# queue_blktests: blktests' own make check on blktests with
# patches/blktests/ applied (see scripts/blktests.sh), unless there is no
# blktests tree.  It is a light job from the start: shellcheck on the
# whole tree takes 6 minutes of CPU, and at the lowest priority it fills
# the gaps the builds and guests leave (1.79 cores used over a cold
# check) instead of taking a place in either lane.
queue_blktests() {
	[ -n "$BLKTESTS_SKIP" ] ||
		add_job "lint:blktests" "\"\$RIG/scripts/blktests.sh\" check"
}

# report_blktests: its TAP line, a skip (counted apart) without a tree.
skipped=0
report_blktests() {
	local f
	if [ -n "$BLKTESTS_SKIP" ]; then
		n=$((n + 1))
		skipped=$((skipped + 1))
		echo "ok $n - blktests # SKIP $BLKTESTS_SKIP"
		return
	fi
	f=$(id_file "lint:blktests")
	tail -n 30 "$state/out/$f" "$state/out/$f.log" >"$state/case.log" 2>/dev/null || true
	tap "$([ -f "$state/done/$f" ] && echo 0 || echo 1)" \
		"blktests: its make check (shellcheck) passes with patches/blktests/" \
		"$state/case.log"
}

# report_builds: a failed step is a failed test.
report_builds() {
	local s f
	for s in "${steps[@]}"; do
		f=$(id_file "$s")
		[ -f "$state/failed/$f" ] || continue
		tail -n 30 "$state/out/$f.log" >"$state/case.log" 2>/dev/null || true
		tap 1 "step $s" "$state/case.log"
	done
}

# report_timeline WHAT: each step and job with its start, end and host
# CPU seconds, and the totals per kind, kept in
# $CACHE/runs/<time>-WHAT.timeline.
report_timeline() {
	local out
	out=$CACHE/runs/$(date -d "@$T0" +%Y%m%d-%H%M%S)-$1.timeline
	sort -k3,3n -k4,4n "$state/timeline" |
		awk -v total=$(($(date +%s) - T0)) -v ran="${ran:-0}" '
		{ printf "%-4s %-44s %5d-%5d s %5d s  cpu %5d s%s\n", $1, $2, $3, $4,
			$4 - $3, $5, $6 ? "  FAILED" : ""
		  k = $2; sub(/:.*/, "", k); if ($1 == "job") k = "job " k
		  cpu[k] += $5; wall[k] += $4 - $3
		  if (!(k in first) || $3 < first[k]) first[k] = $3
		  if ($4 > last[k]) last[k] = $4; all += $5 }
		END {
			for (k in cpu) printf "phase %-14s %5d-%5d s, %5d s in all, cpu %5d s\n",
				k, first[k], last[k], wall[k], cpu[k]
			printf "judging the results %d-%d s\n", ran, total
			printf "total %d s, cpu %d s (%.2f cores)\n", total, all, all / (total ? total : 1)
		}' | tee "$out"
}

#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# scan-log.sh CONSOLE-LOG
#
# Fail, printing an excerpt, if a guest's serial log shows a kernel
# problem: panic, Oops, BUG, WARNING, Call Trace, KASAN, kmemleak,
# lockdep, RCU stall, hung task or soft lockup.
log=$1
[ -f "$log" ] || { echo "scan: no log $log"; exit 1; }

pattern='Kernel panic|Oops|BUG:|WARNING:|Call Trace|KASAN|kmemleak: .*(unreferenced object|suspected memory leak)|possible (circular|recursive) locking|possible irq lock inversion|inconsistent lock state|DEBUG_LOCKS_WARN_ON|turning off the locking correctness validator|suspicious RCU usage|rcu.*detected stalls|rcu.*self-detected stall|blocked for more than|soft lockup|hard LOCKUP|general protection fault|UBSAN|ODEBUG'
hits=$(grep -naE "$pattern" "$log")
[ -z "$hits" ] && exit 0

echo "scan: $(echo "$hits" | wc -l) suspicious line(s) in $log"
first=$(echo "$hits" | head -n1 | cut -d: -f1)
echo "$hits" | head -n 10 | sed 's/^/  /'
echo "scan: excerpt from line $first:"
sed -n "$first,$((first + 40))p" "$log" | sed 's/^/  | /'
exit 1

// The fast path: modsafe-check skips the bodies of header functions the
// analysis cannot reach, and keeps every one it can: through calls into
// header inlines two levels deep, a macro that calls a macro-defined inline,
// and when the token-level cut cannot tell (old-style definitions), a full
// parse. Findings are the same as with --full-parse (and as the plugin's:
// identical-findings.test runs this file too).
// RUN: rm -rf %t && mkdir -p %t
// RUN: %modsafe_check --stats %kinc -I%S/Inputs/include -DMODULE %s 2>&1 | FileCheck %s '--implicit-check-not=[modsafe-'
// RUN: %modsafe_check %kinc -I%S/Inputs/include -DMODULE %s > %t/fast 2>&1
// RUN: %modsafe_check --full-parse %kinc -I%S/Inputs/include -DMODULE %s > %t/full 2>&1
// RUN: diff %t/fast %t/full
// RUN: %modsafe_check --stats %kinc -I%S/Inputs/include -DMODULE -DKNR %s 2>&1 | FileCheck %s --check-prefix=KNR
// RUN: %modsafe_check %kinc -I%S/Inputs/include -DMODULE -DKNR %s > %t/knr 2>&1
// RUN: diff %t/fast %t/knr
#include <linux/module.h>
#include <linux/spinlock.h>
#include <fastpath/helpers.h>

static DEFINE_SPINLOCK(lock);

void direct(void)
{
	spin_lock(&lock);
	// CHECK: fast-path.c:[[@LINE+1]]:2: warning: 'fp_middle' (through 'msleep') may sleep, but it is called in atomic context (spinlock held since 'spin_lock') [modsafe-sleep-in-atomic]
	fp_middle(1);
	// CHECK: helpers.h:13:3: note: 'fp_middle' calls 'fp_leaf', which may sleep
	// CHECK: helpers.h:7:2: note: 'fp_leaf' calls 'msleep', which may sleep
	spin_unlock(&lock);
}

void through_macro(void)
{
	spin_lock(&lock);
	// CHECK: fast-path.c:[[@LINE+1]]:2: warning: 'fp_generated' (through 'msleep') may sleep, but it is called in atomic context (spinlock held since 'spin_lock') [modsafe-sleep-in-atomic]
	FP_WAIT();
	// CHECK: note: 'fp_generated' calls 'fp_middle' (in the expansion of 'FP_DEFINE_WAIT'), which may sleep
	spin_unlock(&lock);
}

void through_object(void)
{
	spin_lock(&lock);
	fp_call_default();
	spin_unlock(&lock);
}

MODULE_LICENSE("GPL");

// CHECK: modsafe-check: stats: 1 TUs, {{.*}}; header function bodies skipped {{[1-9][0-9]*}} of {{[0-9]+}} definitions; 0 TU(s) parsed again in full
// KNR: modsafe-check: stats: 1 TUs, {{.*}}; 1 TU(s) parsed again in full

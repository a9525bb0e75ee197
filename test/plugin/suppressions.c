// Inline suppressions: an ignore comment (CHECK, then an optional reason) on the
// finding's line or the line above drops that finding (diagnostic and
// report); other checks and other lines are untouched. Unused ones are
// listed on request.
// RUN: rm -rf %t && %clang -fsyntax-only %kinc -DMODULE -fplugin=%modsafe_plugin -fplugin-arg-modsafe-report-dir=%t %s 2>&1 | FileCheck %s '--implicit-check-not=[modsafe-'
// RUN: %python -c "import json,glob; print(len(json.load(open(glob.glob('%t/*.modsafe.json')[0]))['findings']))" | FileCheck %s --check-prefix=REPORT
// REPORT: 1
// RUN: %clang -fsyntax-only %kinc -DMODULE -fplugin=%modsafe_plugin -fplugin-arg-modsafe-list-unused-suppressions %s 2>&1 | FileCheck %s --check-prefix=UNUSED
#include <linux/module.h>
#include <linux/init.h>
#include <linux/spinlock.h>
#include <linux/delay.h>

static DEFINE_SPINLOCK(lock_a);

static void on_the_line(void)
{
	spin_lock(&lock_a);
	msleep(1); /* modsafe: ignore sleep-in-atomic: bring-up only, before the irq is requested */
	spin_unlock(&lock_a);
}

static void above(void)
{
	spin_lock(&lock_a);
	// modsafe: ignore sleep-*
	msleep(2);
	spin_unlock(&lock_a);
}

static void other_check(void)
{
	spin_lock(&lock_a);
	/* modsafe: ignore missing-teardown: a different check suppresses nothing here */
// CHECK: suppressions.c:[[@LINE+1]]:2: warning: 'msleep' may sleep, but it is called in atomic context {{.*}}[modsafe-sleep-in-atomic]
	msleep(3);
	spin_unlock(&lock_a);
}
// UNUSED: suppressions.c:[[@LINE-5]]:5: warning: modsafe: unused suppression of 'missing-teardown': nothing of it is reported on this line or the next

/* Two lines above: too far. modsafe: ignore ref-leak */
// UNUSED: suppressions.c:[[@LINE-1]]:30: warning: modsafe: unused suppression of 'ref-leak': nothing
// UNUSED-NOT: unused suppression

static int __init demo_init(void)
{
	on_the_line();
	above();
	other_check();
	return 0;
}
module_init(demo_init);
MODULE_LICENSE("GPL");

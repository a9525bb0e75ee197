// sleep-in-atomic: helpers whose sleeping depends on a flag argument
// (`block`, `can_sleep`, `atomic ? GFP_ATOMIC : GFP_KERNEL`) sleep only for
// the callers that pass it; the flag is followed through wrappers,
// recursion and the callers of a static function.
// RUN: %clang -fsyntax-only %kinc -DMODULE -fplugin=%modsafe_plugin -fplugin-arg-modsafe-checks=-*,sleep-in-atomic %s 2>&1 | FileCheck %s '--implicit-check-not=[modsafe-'
#include <linux/module.h>
#include <linux/spinlock.h>
#include <linux/delay.h>
#include <linux/slab.h>
#include <linux/workqueue.h>

static DEFINE_SPINLOCK(lock);
static struct work_struct slow_job;
static int pullup, unknown_flag;

/* lpc32xx_udc's isp1301_pullup_enable(): block == 0 defers the slow part. */
static void pullup_enable(int en, int block)
{
	if (en == pullup)
		return;
	pullup = en;
	if (block)
		// CHECK-DAG: [[@LINE+1]]:3: note: 'pullup_enable' calls 'msleep', which may sleep
		msleep(1);
	else
		schedule_work(&slow_job);
}

/* The same with an early return on the flag. */
static void settle(int can_sleep)
{
	if (!can_sleep)
		return;
	// CHECK-DAG: [[@LINE+1]]:2: note: 'settle' calls 'msleep', which may sleep
	msleep(10);
}

/* A wrapper hands its own flag on. */
static void wrapper(int en, int block)
{
	pullup_enable(en, block);
}

/* The flag chooses the gfp flags, spelled inline or through a local. */
static void *grab(size_t n, bool atomic)
{
	return kmalloc(n, atomic ? GFP_ATOMIC : GFP_KERNEL);
}

static void *grab_local(size_t n, bool atomic)
{
	gfp_t gfp = atomic ? GFP_ATOMIC : GFP_KERNEL;

	// CHECK-DAG: [[@LINE+1]]:9: note: 'grab_local' calls 'kmalloc' with 'gfp', which allows direct reclaim
	return kmalloc(n, gfp);
}

/* lpfc_create_device_data(): the flag picks the value of a local. */
static void *grab_branches(size_t n, bool atomic_create)
{
	int memory_flags;

	if (atomic_create)
		memory_flags = GFP_ATOMIC;
	else
		memory_flags = GFP_KERNEL;
	// CHECK-DAG: [[@LINE+1]]:9: note: 'grab_branches' calls 'kmalloc' with 'memory_flags', which allows direct reclaim
	return kmalloc(n, memory_flags);
}

/* Recursion keeps the flag. */
static void walk(int depth, int block)
{
	if (depth)
		walk(depth - 1, block);
	if (block)
		// CHECK-DAG: [[@LINE+1]]:3: note: 'walk' calls 'msleep', which may sleep
		msleep(1);
}

/* `flag && sleeping_call()` */
static int poll_once(int may_wait)
{
	return may_wait && msleep_interruptible(5);
}

/* s3cmci_enable_irq(): the flag reaches the test through a local assigned
 * once, at the top of the body, and `more | other` is true when more is. */
struct host {
	bool irq_state, sdio_irqen;
};
static void host_irq(struct host *h, bool more)
{
	bool enable = false;

	enable = more | h->sdio_irqen;
	if (h->irq_state != enable) {
		h->irq_state = enable;
		if (!enable)
			// CHECK-DAG: [[@LINE+1]]:4: note: 'host_irq' calls 'msleep', which may sleep
			msleep(1);
	}
}

/* A local stored on a branch, or changed again, is not known. */
static void branchy(int more, int other)
{
	int enable = 0;

	if (other)
		enable = more;
	if (!enable)
		// CHECK-DAG: [[@LINE+1]]:3: note: 'branchy' calls 'msleep', which may sleep
		msleep(1);
}
static void twice(int more, int other)
{
	int enable;

	enable = more;
	enable &= other;
	if (!enable)
		// CHECK-DAG: [[@LINE+1]]:3: note: 'twice' calls 'msleep', which may sleep
		msleep(1);
}

void negatives(void)
{
	spin_lock(&lock);
	pullup_enable(1, 0);
	settle(0);
	wrapper(0, 0);
	kfree(grab(16, true));
	kfree(grab_local(16, 1));
	kfree(grab_branches(16, true));
	walk(3, 0);
	poll_once(0);
	host_irq(0, true);
	spin_unlock(&lock);
}

void positives(void)
{
	spin_lock(&lock);
	// CHECK-DAG: [[@LINE+1]]:2: warning: 'pullup_enable' (through 'msleep') may sleep, but it is called in atomic context (spinlock held since 'spin_lock') [modsafe-sleep-in-atomic]
	pullup_enable(1, 1);
	// CHECK-DAG: [[@LINE+1]]:2: warning: 'settle' (through 'msleep') may sleep, but it is called in atomic context (spinlock held since 'spin_lock') [modsafe-sleep-in-atomic]
	settle(1);
	// CHECK-DAG: [[@LINE+1]]:2: warning: 'wrapper' (through 'msleep') may sleep, but it is called in atomic context (spinlock held since 'spin_lock') [modsafe-sleep-in-atomic]
	wrapper(1, 1);
	// CHECK-DAG: [[@LINE+1]]:8: warning: 'grab' (through 'kmalloc') may sleep, but it is called in atomic context (spinlock held since 'spin_lock') [modsafe-sleep-in-atomic]
	kfree(grab(16, false));
	// CHECK-DAG: [[@LINE+1]]:8: warning: 'grab_local' (through 'kmalloc') may sleep, but it is called in atomic context (spinlock held since 'spin_lock') [modsafe-sleep-in-atomic]
	kfree(grab_local(16, 0));
	// CHECK-DAG: [[@LINE+1]]:8: warning: 'grab_branches' (through 'kmalloc') may sleep, but it is called in atomic context (spinlock held since 'spin_lock') [modsafe-sleep-in-atomic]
	kfree(grab_branches(16, false));
	// CHECK-DAG: [[@LINE+1]]:2: warning: 'walk' (through 'msleep') may sleep, but it is called in atomic context (spinlock held since 'spin_lock') [modsafe-sleep-in-atomic]
	walk(3, 1);
	// CHECK-DAG: [[@LINE+1]]:2: warning: 'poll_once' (through 'msleep_interruptible') may sleep, but it is called in atomic context (spinlock held since 'spin_lock') [modsafe-sleep-in-atomic]
	poll_once(1);
	// CHECK-DAG: [[@LINE+1]]:2: warning: 'host_irq' (through 'msleep') may sleep, but it is called in atomic context (spinlock held since 'spin_lock') [modsafe-sleep-in-atomic]
	host_irq(0, false);
	// CHECK-DAG: [[@LINE+1]]:2: warning: 'branchy' (through 'msleep') may sleep, but it is called in atomic context (spinlock held since 'spin_lock') [modsafe-sleep-in-atomic]
	branchy(1, 0);
	// CHECK-DAG: [[@LINE+1]]:2: warning: 'twice' (through 'msleep') may sleep, but it is called in atomic context (spinlock held since 'spin_lock') [modsafe-sleep-in-atomic]
	twice(1, 0);
	// A value not known here may be anything.
	// CHECK-DAG: [[@LINE+1]]:2: warning: 'settle' (through 'msleep') may sleep, but it is called in atomic context (spinlock held since 'spin_lock') [modsafe-sleep-in-atomic]
	settle(unknown_flag);
	spin_unlock(&lock);
}

/* The function's own region, its flag decided by its callers: a static
 * function whose every caller passes 0 does not sleep there... */
static void locked_quiet(int block)
{
	spin_lock(&lock);
	if (block)
		msleep(1);
	spin_unlock(&lock);
}

void only_quiet_callers(void)
{
	locked_quiet(0);
}

/* ...one caller passing 1 is enough... */
static void locked_loud(int block)
{
	spin_lock(&lock);
	if (block)
		// CHECK-DAG: [[@LINE+1]]:3: warning: 'msleep' may sleep, but it is called in atomic context (spinlock held since 'spin_lock') [modsafe-sleep-in-atomic]
		msleep(1);
	spin_unlock(&lock);
}

void loud_callers(void)
{
	locked_loud(0);
	locked_loud(1);
}

/* ...and a function callers outside this file can reach may get anything. */
void locked_exported(int block)
{
	spin_lock(&lock);
	if (block)
		// CHECK-DAG: [[@LINE+1]]:3: warning: 'msleep' may sleep, but it is called in atomic context (spinlock held since 'spin_lock') [modsafe-sleep-in-atomic]
		msleep(1);
	spin_unlock(&lock);
}

MODULE_LICENSE("GPL");

// missing-teardown: deferred work that only runs on the way to a restart or
// a panic (softdog's reboot launcher) never meets an unload; work that may
// also return normally does.
// RUN: %clang -fsyntax-only %kinc -DMODULE -fplugin=%modsafe_plugin -fplugin-arg-modsafe-checks=-*,missing-teardown %s 2>&1 | FileCheck %s '--implicit-check-not=[modsafe-'
#include <linux/module.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/hrtimer.h>
#include <linux/workqueue.h>
#include <linux/kthread.h>
#include <linux/reboot.h>

static char *reboot_cmd;
static int soft_panic, verbose;

/* softdog.c: the hrtimer's expiry schedules a work item that only launches
 * a thread that only restarts the machine. Neither is reported. */
static int reboot_kthread_fn(void *data)
{
	kernel_restart(reboot_cmd);
	return -EPERM; /* Should not reach here */
}

static void reboot_work_fn(struct work_struct *unused)
{
	kthread_run(reboot_kthread_fn, NULL, "demo_reboot");
}

/* Every branch ends the system: not reported either. */
static void fatal_work_fn(struct work_struct *unused)
{
	if (soft_panic)
		panic("demo expired");
	else
		emergency_restart();
}
static DECLARE_WORK(fatal_work, fatal_work_fn);

/* One branch returns normally: reported. */
static void maybe_work_fn(struct work_struct *unused)
{
	if (verbose)
		return;
	emergency_restart();
}
// CHECK: system-end.c:[[@LINE+1]]:8: warning: work item 'maybe_work' armed with 'maybe_work_fn' (DECLARE_WORK) is not torn down synchronously{{.*}}[modsafe-missing-teardown]
static DECLARE_WORK(maybe_work, maybe_work_fn);

static struct hrtimer ticktock;

static enum hrtimer_restart demo_fire(struct hrtimer *timer)
{
	static DECLARE_WORK(reboot_work, reboot_work_fn);

	schedule_work(&reboot_work);
	schedule_work(&fatal_work);
	schedule_work(&maybe_work);
	return HRTIMER_NORESTART;
}

static int __init demo_init(void)
{
	hrtimer_init(&ticktock, CLOCK_MONOTONIC, HRTIMER_MODE_REL);
	ticktock.function = demo_fire;
	hrtimer_start(&ticktock, ktime_set(10, 0), HRTIMER_MODE_REL);
	return 0;
}

static void __exit demo_exit(void)
{
	hrtimer_cancel(&ticktock);
}

module_init(demo_init);
module_exit(demo_exit);
MODULE_LICENSE("GPL");

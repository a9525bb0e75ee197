// missing-teardown: stop handshakes on a completion the callback signals.
//
// A timer told to stop (queue = 0) that signals instead of re-arming, with
// remove waiting for the signal (rdc321x_wdt.c): the timer is not pending
// after it, and what runs of the callback after complete() runs with
// preemption off -- an RCU reader that free_module()'s own synchronize_rcu()
// waits for before the module's text goes. Not reported.
//
// A kernel thread that signals and returns: it runs preemptible, so nothing
// waits for the rest of it; the finding says so and names
// kthread_complete_and_exit() (sgi-xp's xpc_hb_checker, before the fix).
// RUN: %clang -fsyntax-only %kinc -DMODULE -fplugin=%modsafe_plugin -fplugin-arg-modsafe-checks=-*,missing-teardown %s 2>&1 | FileCheck %s '--implicit-check-not=[modsafe-'
// RUN: %clang -fsyntax-only %kinc -DMODULE -DFIXED -fplugin=%modsafe_plugin -fplugin-arg-modsafe-checks=-*,missing-teardown %s 2>&1 | FileCheck %s --check-prefix=FIXED --allow-empty
// FIXED-NOT: modsafe-
#include <linux/module.h>
#include <linux/init.h>
#include <linux/timer.h>
#include <linux/kthread.h>
#include <linux/delay.h>
#include <linux/completion.h>
#include <linux/platform_device.h>

static struct {
	struct timer_list timer;
	struct completion stop;
	int queue;
} wdt;

static DECLARE_COMPLETION(checker_exited);
static int checker_stop;

static void wdt_trigger(struct timer_list *unused)
{
	if (wdt.queue)
		mod_timer(&wdt.timer, jiffies + HZ);
	else
		complete(&wdt.stop);
}

static int checker_fn(void *unused)
{
	while (!READ_ONCE(checker_stop))
		msleep(100);
#ifndef FIXED
	complete(&checker_exited);
// CHECK-DAG: handshake.c:[[@LINE-1]]:2: note: 'checker_fn' signals the completion here
	return 0;
#else
	kthread_complete_and_exit(&checker_exited, 0);
#endif
}

static int wdt_probe(struct platform_device *pdev)
{
	struct task_struct *t;

	init_completion(&wdt.stop);
	timer_setup(&wdt.timer, wdt_trigger, 0);
	wdt.queue = 1;
	mod_timer(&wdt.timer, jiffies + HZ);
// CHECK-DAG: handshake.c:[[@LINE+1]]:6: warning: kernel thread 't' armed with 'checker_fn' (kthread_run) is not torn down synchronously{{.*}}[modsafe-missing-teardown]
	t = kthread_run(checker_fn, NULL, "demo_checker");
	return IS_ERR(t) ? PTR_ERR(t) : 0;
}

static int wdt_remove(struct platform_device *pdev)
{
	if (wdt.queue) {
		wdt.queue = 0;
		wait_for_completion(&wdt.stop);
	}
	WRITE_ONCE(checker_stop, 1);
	wait_for_completion(&checker_exited);
// CHECK-DAG: handshake.c:[[@LINE-1]]:2: note: 'wait_for_completion' here returns once 'checker_fn' has called 'complete', while 'checker_fn' is still running module code; end the thread with kthread_complete_and_exit()
	return 0;
}

static struct platform_driver wdt_driver = {
	.probe = wdt_probe,
	.remove = wdt_remove,
	.driver = { .name = "demo-wdt" },
};
module_platform_driver(wdt_driver);
MODULE_LICENSE("GPL");

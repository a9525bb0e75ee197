// missing-teardown: a kernel thread that sets up its own heartbeat timer and
// stops it before it ends (sgi-xp's xpc_hb_checker, through two helpers) has
// torn it down; exit stops the thread. Without the stop, it is reported.
// RUN: %clang -fsyntax-only %kinc -DMODULE -fplugin=%modsafe_plugin -fplugin-arg-modsafe-checks=-*,missing-teardown %s 2>&1 | FileCheck %s --allow-empty '--implicit-check-not=[modsafe-'
// RUN: %clang -fsyntax-only %kinc -DMODULE -DBROKEN -fplugin=%modsafe_plugin -fplugin-arg-modsafe-checks=-*,missing-teardown %s 2>&1 | FileCheck %s --check-prefix=BROKEN
#include <linux/module.h>
#include <linux/init.h>
#include <linux/timer.h>
#include <linux/kthread.h>
#include <linux/delay.h>

static struct timer_list hb_timer;
static struct task_struct *checker;

static void hb_beater(struct timer_list *unused)
{
	mod_timer(&hb_timer, jiffies + HZ);
}

static void start_hb_beater(void)
{
// BROKEN: own-thread.c:[[@LINE+1]]:2: warning: timer 'hb_timer' armed with 'hb_beater' (timer_setup) is not torn down synchronously{{.*}}[modsafe-missing-teardown]
	timer_setup(&hb_timer, hb_beater, 0);
	mod_timer(&hb_timer, jiffies + HZ);
}

static void stop_hb_beater(void)
{
#ifndef BROKEN
	del_timer_sync(&hb_timer);
#endif
}

static int hb_checker(void *unused)
{
	start_hb_beater();
	while (!kthread_should_stop())
		msleep(100);
	stop_hb_beater();
	return 0;
}

static int __init demo_init(void)
{
	checker = kthread_run(hb_checker, NULL, "demo_hb");
	return IS_ERR(checker) ? PTR_ERR(checker) : 0;
}

static void __exit demo_exit(void)
{
	kthread_stop(checker);
}

module_init(demo_init);
module_exit(demo_exit);
MODULE_LICENSE("GPL");

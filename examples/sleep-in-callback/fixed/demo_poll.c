// SPDX-License-Identifier: GPL-2.0
/*
 * The same poller on a delayed work item: work runs in process context,
 * where taking a mutex is allowed. cancel_delayed_work_sync() in the exit
 * waits for it and keeps it from re-arming.
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/workqueue.h>
#include <linux/jiffies.h>
#include <linux/mutex.h>
#include <linux/printk.h>

static DEFINE_MUTEX(demo_lock);
static struct delayed_work demo_work;
static unsigned int demo_reading;

static void demo_poll(struct work_struct *work)
{
	mutex_lock(&demo_lock);
	demo_reading++;
	mutex_unlock(&demo_lock);
	schedule_delayed_work(&demo_work, HZ / 10);
}

static int __init demo_init(void)
{
	INIT_DELAYED_WORK(&demo_work, demo_poll);
	schedule_delayed_work(&demo_work, HZ / 10);
	return 0;
}

static void __exit demo_exit(void)
{
	cancel_delayed_work_sync(&demo_work);
	pr_info("demo_poll: %u readings\n", demo_reading);
}

module_init(demo_init);
module_exit(demo_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("modsafe example: sleep-in-callback (fixed)");

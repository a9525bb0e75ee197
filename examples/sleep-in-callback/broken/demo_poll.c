// SPDX-License-Identifier: GPL-2.0
/*
 * A sensor poller whose timer callback takes a mutex: timer callbacks run
 * in softirq context and must never sleep (Exception #1), but mutex_lock()
 * may. modsafe: sleep-in-callback at the mutex_lock() in demo_poll().
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/timer.h>
#include <linux/jiffies.h>
#include <linux/mutex.h>
#include <linux/printk.h>

static DEFINE_MUTEX(demo_lock);
static struct timer_list demo_timer;
static unsigned int demo_reading;

static void demo_poll(struct timer_list *t)
{
	mutex_lock(&demo_lock);
	demo_reading++;
	mutex_unlock(&demo_lock);
	mod_timer(t, jiffies + HZ / 10);
}

static int __init demo_init(void)
{
	timer_setup(&demo_timer, demo_poll, 0);
	mod_timer(&demo_timer, jiffies + HZ / 10);
	return 0;
}

static void __exit demo_exit(void)
{
	del_timer_sync(&demo_timer);
	pr_info("demo_poll: %u readings\n", demo_reading);
}

module_init(demo_init);
module_exit(demo_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("modsafe example: sleep-in-callback (broken)");

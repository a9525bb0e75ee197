// SPDX-License-Identifier: GPL-2.0
/*
 * A heartbeat timer that re-arms itself every second. The exit function
 * forgets it: after rmmod the pending timer fires into freed module text.
 * modsafe: missing-teardown at timer_setup().
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/timer.h>
#include <linux/jiffies.h>
#include <linux/printk.h>

static struct timer_list heartbeat;
static unsigned long beats;

static void heartbeat_fn(struct timer_list *t)
{
	beats++;
	mod_timer(t, jiffies + HZ);
}

static int __init demo_init(void)
{
	timer_setup(&heartbeat, heartbeat_fn, 0);
	mod_timer(&heartbeat, jiffies + HZ);
	return 0;
}

static void __exit demo_exit(void)
{
	pr_info("demo_heartbeat: %lu beats\n", beats);
}

module_init(demo_init);
module_exit(demo_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("modsafe example: missing-teardown (broken)");

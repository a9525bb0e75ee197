// SPDX-License-Identifier: GPL-2.0
/* init arms a timer and then fails without stopping it. */
#include <linux/module.h>
#include <linux/timer.h>
#include <linux/slab.h>
#include <linux/jiffies.h>

static struct timer_list t;
static char *buf;
static void fn(struct timer_list *x) { }

static int __init demo_init(void)
{
	timer_setup(&t, fn, 0);
	mod_timer(&t, jiffies + HZ);
	buf = kmalloc(64, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	return 0;
}

static void __exit demo_exit(void)
{
	del_timer_sync(&t);
	kfree(buf);
}

module_init(demo_init);
module_exit(demo_exit);
MODULE_LICENSE("GPL");

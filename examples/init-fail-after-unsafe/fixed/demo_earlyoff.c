// SPDX-License-Identifier: GPL-2.0
/*
 * The same driver with the unsafe registration last: everything that can
 * fail is done first, and once pm_power_off points into the module, init
 * succeeds (Rule #2's init ordering).
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/errno.h>
#include <linux/pm.h>
#include <linux/slab.h>
#include <linux/printk.h>

static char *msg;

static void demo_power_off(void)
{
	pr_emerg("%s\n", msg);
}

static int __init demo_init(void)
{
	msg = kstrdup("demo: powering off", GFP_KERNEL);
	if (!msg)
		return -ENOMEM;

	pm_power_off = demo_power_off;
	return 0;
}

module_init(demo_init);
MODULE_LICENSE("GPL");

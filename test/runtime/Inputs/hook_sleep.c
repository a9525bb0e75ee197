// SPDX-License-Identifier: GPL-2.0
/* A power-off hook (a noncounting entry: called with no module reference)
 * that sleeps: without a count of its own, rmmod may free the module while
 * it sleeps. hook_counted.c takes the count first. */
#include <linux/module.h>
#include <linux/pm.h>
#include <linux/delay.h>

static void demo_power_off(void)
{
#ifdef COUNTED
	__module_get(THIS_MODULE);
#endif
	msleep(10);
#ifdef COUNTED
	module_put(THIS_MODULE);
#endif
}

static int __init demo_init(void)
{
	pm_power_off = demo_power_off;
	return 0;
}

module_init(demo_init);
MODULE_LICENSE("GPL");

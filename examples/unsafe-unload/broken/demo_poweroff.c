// SPDX-License-Identifier: GPL-2.0
/*
 * A board power-off driver that takes over pm_power_off, a hook the kernel
 * calls with no module reference and no way to wait for a call in progress
 * (Rule #2's unsafe interface), and can still be unloaded: putting the old
 * value back in the exit does not wait for a CPU already inside
 * demo_power_off(). modsafe: unsafe-unload at demo_exit().
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/pm.h>
#include <linux/printk.h>

static void (*old_power_off)(void);

static void demo_power_off(void)
{
	pr_emerg("demo: powering off\n");
}

static int __init demo_init(void)
{
	old_power_off = pm_power_off;
	pm_power_off = demo_power_off;
	return 0;
}

static void __exit demo_exit(void)
{
	pm_power_off = old_power_off;
}

module_init(demo_init);
module_exit(demo_exit);
MODULE_LICENSE("GPL");

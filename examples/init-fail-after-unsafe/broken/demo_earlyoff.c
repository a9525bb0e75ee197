// SPDX-License-Identifier: GPL-2.0
/*
 * A power-off driver that cannot be unloaded (no module_exit, as Rule #2
 * asks) but takes over pm_power_off before an allocation that may fail.
 * If it fails, the module is freed while the kernel may already be calling
 * demo_power_off(); putting the old value back first does not wait for it.
 * modsafe: init-fail-after-unsafe at "return -ENOMEM".
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/errno.h>
#include <linux/pm.h>
#include <linux/slab.h>
#include <linux/printk.h>

static void (*old_power_off)(void);
static char *msg;

static void demo_power_off(void)
{
	pr_emerg("%s\n", msg);
}

static int __init demo_init(void)
{
	old_power_off = pm_power_off;
	pm_power_off = demo_power_off;

	msg = kstrdup("demo: powering off", GFP_KERNEL);
	if (!msg) {
		pm_power_off = old_power_off;
		return -ENOMEM;
	}
	return 0;
}

module_init(demo_init);
MODULE_LICENSE("GPL");

// SPDX-License-Identifier: GPL-2.0
/*
 * The same power-off driver on a safe interface: a sys-off handler lives on
 * an atomic notifier chain, and unregister_sys_off_handler() waits for a
 * call in progress (synchronize_rcu()), so the module may be unloaded.
 * (The other fix Rule #2 allows: keep pm_power_off and drop module_exit.)
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/err.h>
#include <linux/notifier.h>
#include <linux/reboot.h>
#include <linux/printk.h>

static struct sys_off_handler *handler;

static int demo_power_off(struct sys_off_data *data)
{
	pr_emerg("demo: powering off\n");
	return NOTIFY_DONE;
}

static int __init demo_init(void)
{
	handler = register_sys_off_handler(SYS_OFF_MODE_POWER_OFF,
					   SYS_OFF_PRIO_DEFAULT,
					   demo_power_off, NULL);
	return PTR_ERR_OR_ZERO(handler);
}

static void __exit demo_exit(void)
{
	unregister_sys_off_handler(handler);
}

module_init(demo_init);
module_exit(demo_exit);
MODULE_LICENSE("GPL");

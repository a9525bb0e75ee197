// unsafe-unload, negatives: interfaces that are safe or not Rule #2's
// business, in a module with a module_exit.
// RUN: %clang -fsyntax-only %kinc -I%S/../Inputs/rule2 -DMODULE -fplugin=%modsafe_plugin -fplugin-arg-modsafe-checks=-*,unsafe-unload %s 2>&1 | FileCheck %s --check-prefix=NONE --allow-empty '--implicit-check-not=[modsafe-'
// NONE-NOT: [modsafe-
#include <linux/module.h>
#include <linux/init.h>
#include <linux/notifier.h>
#include <linux/reboot.h>
#include <linux/miscdevice.h>
#include <linux/fs.h>
#include <linux/timer.h>
#include <linux/rcupdate.h>
#include <linux/pm.h>
#include <legacy.h>

static struct atomic_notifier_head demo_chain;

static int demo_notify(struct notifier_block *nb, unsigned long action, void *data)
{
	return NOTIFY_DONE;
}
static struct notifier_block demo_nb = { .notifier_call = demo_notify };
static struct notifier_block demo_reboot_nb = { .notifier_call = demo_notify };

static int demo_probe(void *data) { return 0; }
static void demo_event(int what) { }
static struct legacy_ops demo_ops = { .probe = demo_probe, .event = demo_event };
static struct owned_ops demo_owned = { .owner = THIS_MODULE, .event = demo_event };

static int demo_open(struct inode *inode, struct file *file) { return 0; }
static const struct file_operations demo_fops = {
	.owner = THIS_MODULE,
	.open = demo_open,
};
static struct miscdevice demo_misc = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "demo",
	.fops = &demo_fops,
};

static struct timer_list demo_timer;
static void demo_timer_fn(struct timer_list *t) { }

static void (*saved_hook)(int);

static int __init demo_init(void)
{
	/* A notifier chain: its unregister waits (knowledge base). */
	atomic_notifier_chain_register(&demo_chain, &demo_nb);
	/* A counterpart is declared: not known to be unsafe. */
	register_reboot_notifier(&demo_reboot_nb);
	legacy2_register_ops(&demo_ops);
	/* A hardware register, not a registration. */
	legacy_write_register(&demo_ops, 0x10, 1);
	legacy_dump_registers(&demo_ops);
	legacy_write_phy_register(&demo_ops, 0x10, 1);
	/* The owner is in reach. */
	owned_register_ops(&demo_owned);
	legacy_register_ops_owner(&demo_ops, THIS_MODULE);
	misc_register(&demo_misc);
	/* Deferred execution: missing-teardown's business. */
	timer_setup(&demo_timer, demo_timer_fn, 0);
	/* RCU-published: a noncounting hook, missing-quiescence's business. */
	rcu_assign_pointer(legacy_rcu_hook, demo_event);
	/* Not a module function; not a registration. */
	saved_hook = legacy_hook;
	legacy_hook = saved_hook;
	pm_power_off = NULL;
	return 0;
}

static void __exit demo_exit(void)
{
	del_timer_sync(&demo_timer);
	misc_deregister(&demo_misc);
	legacy2_unregister_ops(&demo_ops);
	unregister_reboot_notifier(&demo_reboot_nb);
	atomic_notifier_chain_unregister(&demo_chain, &demo_nb);
}

module_init(demo_init);
module_exit(demo_exit);
MODULE_LICENSE("GPL");

// init-fail-after-unsafe: unregistering before the failing return does not
// make it safe (the interface cannot tell when its callers are gone); a
// registration whose result is tested with IS_ERR() or `!`; a registration
// made by a helper that init calls.
// RUN: %clang -fsyntax-only %kinc -I%S/../Inputs/rule2 -DMODULE -fplugin=%modsafe_plugin -fplugin-arg-modsafe-checks=-*,init-fail-after-unsafe %s 2>&1 | FileCheck %s '--implicit-check-not=[modsafe-'
#include <linux/module.h>
#include <linux/init.h>
#include <linux/errno.h>
#include <linux/err.h>
#include <linux/pm.h>
#include <legacy.h>

static int demo_probe(void *data) { return 0; }
static void demo_event(int what) { }
static void demo_power_off(void) { }
static struct legacy_ops demo_ops = { .probe = demo_probe, .event = demo_event };
static void (*old_power_off)(void);
static struct legacy_ops *handle;

static int demo_hw_init(void) { return 0; }

static int demo_setup_hooks(void)
{
	old_power_off = pm_power_off;
	// CHECK-DAG: [[@LINE+1]]:2: note: 'demo_power_off' handed to 'pm_power_off' here
	pm_power_off = demo_power_off;
	return 0;
}

static int __init demo_init(void)
{
	int ret;

	// CHECK-DAG: [[@LINE+1]]:11: note: '&demo_ops' (struct legacy_ops) handed to 'legacy_register_handle' here
	handle = legacy_register_handle(&demo_ops);
	if (IS_ERR(handle))
		return PTR_ERR(handle); /* its own failure */
	if (!handle)
		return -ENODEV;         /* its own failure too */

	// CHECK-DAG: [[@LINE+1]]:8: note: 'pm_power_off' registration succeeded in this call ('demo_power_off')
	ret = demo_setup_hooks();
	if (ret)
		// CHECK-DAG: [[@LINE+1]]:3: warning: 'demo_init' can return failure here after '&demo_ops' (struct legacy_ops) was handed to 'legacy_register_handle'
		return ret;             /* the helper failed, but the handle is registered */

	ret = demo_hw_init();
	if (ret) {
		pm_power_off = old_power_off;
		// CHECK-DAG: [[@LINE+1]]:3: warning: 'demo_init' can return failure here after '&demo_ops' (struct legacy_ops) was handed to 'legacy_register_handle'
		return ret;
	}
	return 0;
}

module_init(demo_init);
MODULE_LICENSE("GPL");

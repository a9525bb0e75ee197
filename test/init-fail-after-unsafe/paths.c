// init-fail-after-unsafe: the paths of an init that registers with unsafe
// interfaces. A failure return after the registration succeeded is
// reported (also when the init unregisters first); the registration's own
// failure branch, a return of a value known to be 0, and a registration done
// last are not.
// RUN: %clang -fsyntax-only %kinc -I%S/../Inputs/rule2 -DMODULE -fplugin=%modsafe_plugin -fplugin-arg-modsafe-checks=-*,init-fail-after-unsafe %s 2>&1 | FileCheck %s '--implicit-check-not=[modsafe-'
// Built in (no -DMODULE): not reported.
// RUN: %clang -fsyntax-only %kinc -I%S/../Inputs/rule2 -fplugin=%modsafe_plugin -fplugin-arg-modsafe-checks=-*,init-fail-after-unsafe %s 2>&1 | FileCheck %s --check-prefix=NONE --allow-empty '--implicit-check-not=[modsafe-'
// NONE-NOT: [modsafe-
#include <linux/module.h>
#include <linux/init.h>
#include <linux/errno.h>
#include <linux/slab.h>
#include <linux/pm.h>
#include <legacy.h>

static int demo_probe(void *data) { return 0; }
static void demo_event(int what) { }
static void demo_power_off(void) { }
static struct legacy_ops demo_ops = { .probe = demo_probe, .event = demo_event };

static void *buf;
static int setup_rest(void) { return 0; }

static int __init demo_init(void)
{
	int ret;

	// CHECK-DAG: [[@LINE+1]]:8: note: '&demo_ops' (struct legacy_ops) handed to 'legacy_register_ops' here
	ret = legacy_register_ops(&demo_ops);
	if (ret)
		return ret; /* its own failure: nothing registered */

	buf = kzalloc(64, GFP_KERNEL);
	if (!buf)
		// CHECK-DAG: [[@LINE+1]]:3: warning: 'demo_init' can return failure here after '&demo_ops' (struct legacy_ops) was handed to 'legacy_register_ops', an unsafe interface (no 'struct module *' owner, no synchronous unregister): the module is freed while the interface may still call into it, and unregistering first does not wait for callers (Rule #2); do the unsafe registration last, once nothing else can fail [modsafe-init-fail-after-unsafe]
		return -ENOMEM;

	ret = setup_rest();
	if (ret < 0)
		goto out_free;

	// The value returned on this path is known to be 0.
	if (ret)
		ret = 0;
	// The registration last: nothing can fail after it.
	pm_power_off = demo_power_off;
	return ret;

out_free:
	kfree(buf);
	// CHECK-DAG: [[@LINE+1]]:2: warning: 'demo_init' can return failure here after '&demo_ops'
	return ret;
}

module_init(demo_init);
MODULE_LICENSE("GPL");

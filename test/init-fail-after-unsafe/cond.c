// init-fail-after-unsafe: a registration tested in the condition itself,
// `if (reg(...))` and `if (reg(...) < 0)`: its failure branch is its own;
// a later failure is reported.
// RUN: %clang -fsyntax-only %kinc -I%S/../Inputs/rule2 -DMODULE -fplugin=%modsafe_plugin -fplugin-arg-modsafe-checks=-*,init-fail-after-unsafe %s 2>&1 | FileCheck %s '--implicit-check-not=[modsafe-'
#include <linux/module.h>
#include <linux/init.h>
#include <linux/errno.h>
#include <legacy.h>

static void demo_event(int what) { }
static int demo_probe(void *data) { return 0; }
static struct legacy_ops demo_ops = { .probe = demo_probe, .event = demo_event };
static int demo_ready;

static int __init demo_init(void)
{
	// CHECK-DAG: [[@LINE+1]]:6: note: 'demo_event' handed to 'register_legacy_event' here
	if (register_legacy_event(demo_event))
		return -EIO;
	if (!demo_ready)
		// CHECK-DAG: [[@LINE+1]]:3: warning: 'demo_init' can return failure here after 'demo_event' was handed to 'register_legacy_event'
		return -ENODEV;
	if (legacy_register_ops(&demo_ops) < 0)
		// CHECK-DAG: [[@LINE+1]]:3: warning: 'demo_init' can return failure here after 'demo_event' was handed to 'register_legacy_event'
		return -EBUSY;  /* the second one's own failure, after the first */
	return 0;
}

module_init(demo_init);
MODULE_LICENSE("GPL");

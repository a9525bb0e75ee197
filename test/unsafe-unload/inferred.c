// unsafe-unload: unsafe interfaces inferred from the kernel's declarations:
// a register function with no unregister counterpart (handed a callback
// structure, or a function), a store into a kernel function pointer, and
// into a field of a kernel global structure.
// RUN: %clang -fsyntax-only %kinc -I%S/../Inputs/rule2 -DMODULE -fplugin=%modsafe_plugin -fplugin-arg-modsafe-checks=-*,unsafe-unload %s 2>&1 | FileCheck %s '--implicit-check-not=[modsafe-'
#include <linux/module.h>
#include <linux/init.h>
#include <legacy.h>

static int demo_probe(void *data) { return 0; }
static void demo_event(int what) { }
static void demo_shutdown(void) { }

static struct legacy_ops demo_ops = {
	.probe = demo_probe,
	.event = demo_event,
};

static int __init demo_init(void)
{
	int ret;

	// CHECK-DAG: [[@LINE+1]]:8: note: '&demo_ops' (struct legacy_ops) handed to 'legacy_register_ops' here: 'legacy_register_ops' keeps it with no 'struct module *' owner and offers no unregister to take it back
	ret = legacy_register_ops(&demo_ops);
	if (ret)
		return ret;
	// CHECK-DAG: [[@LINE+1]]:2: note: 'demo_event' handed to 'register_legacy_event' here
	register_legacy_event(demo_event);
	// CHECK-DAG: [[@LINE+1]]:2: note: 'demo_event' handed to 'legacy_hook' here: 'legacy_hook' is a kernel function pointer, called with no 'struct module *' owner and no unregister that waits for a call in progress
	legacy_hook = demo_event;
	// A field of a kernel structure is not inferred: that object has its own
	// lifecycle (only the knowledge base's hooks name such fields).
	legacy_platform.shutdown = demo_shutdown;
	// An opaque handle the module cannot see into: the subsystem owns it.
	legacy_register_on(&handle_of_legacy, demo_event);
	return 0;
}

// CHECK-DAG: [[@LINE+1]]:20: warning: module hands '&demo_ops' (struct legacy_ops) to 'legacy_register_ops', an unsafe interface {{.*}} [modsafe-unsafe-unload]
static void __exit demo_exit(void)
{
	legacy_hook = NULL;
}

module_init(demo_init);
module_exit(demo_exit);
MODULE_LICENSE("GPL");

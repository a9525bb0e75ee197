// sleep-without-count: interfaces a user's rules file marks uncounted.
// RUN: %clang -fsyntax-only %kinc -DMODULE -fplugin=%modsafe_plugin -fplugin-arg-modsafe-checks=-*,sleep-without-count -fplugin-arg-modsafe-rules=%S/Inputs/uncounted.json %s 2>&1 | FileCheck %s '--implicit-check-not=[modsafe-'
// Without the rules file the interface is unknown: nothing to say.
// RUN: %clang -fsyntax-only %kinc -DMODULE -fplugin=%modsafe_plugin -fplugin-arg-modsafe-checks=-*,sleep-without-count %s 2>&1 | count 0
#include <linux/module.h>
#include <linux/delay.h>

int register_demo_notifier(int (*fn)(void));

static int notified(void)
{
	// CHECK: [[@LINE+1]]:2: warning: 'msleep' may sleep in 'notified', which is entered without a module reference{{.*}}[modsafe-sleep-without-count]
	msleep(1);
	return 0;
}

static int __init demo_init(void)
{
	return register_demo_notifier(notified);
}
module_init(demo_init);
MODULE_LICENSE("GPL");

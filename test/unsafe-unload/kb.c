// unsafe-unload: interfaces the knowledge base knows to be unsafe (a hook
// variable, pm_power_off; a registration marked unsafe,
// hv_setup_kexec_handler) in a module that can still be unloaded. One
// finding, at the exit, with a note per registration. Putting the old value
// back on exit is not a registration.
// RUN: %clang -fsyntax-only %kinc -DMODULE -fplugin=%modsafe_plugin -fplugin-arg-modsafe-checks=-*,unsafe-unload %s 2>&1 | FileCheck %s '--implicit-check-not=[modsafe-'
// Built in (no -DMODULE): the module's obligations do not apply.
// RUN: %clang -fsyntax-only %kinc -fplugin=%modsafe_plugin -fplugin-arg-modsafe-checks=-*,unsafe-unload %s 2>&1 | FileCheck %s --check-prefix=NONE --allow-empty '--implicit-check-not=[modsafe-'
// NONE-NOT: [modsafe-
#include <linux/module.h>
#include <linux/init.h>
#include <linux/pm.h>
#include <asm-generic/mshyperv.h>

static void (*old_power_off)(void);

static void demo_power_off(void)
{
}

static void demo_kexec(void)
{
}

static int __init demo_init(void)
{
	old_power_off = pm_power_off;
	// CHECK-DAG: [[@LINE+1]]:2: note: 'demo_power_off' handed to 'pm_power_off' here: include/linux/pm.h: extern void (*pm_power_off)(void);
	pm_power_off = demo_power_off;
	// CHECK-DAG: [[@LINE+1]]:2: note: 'demo_kexec' handed to 'hv_setup_kexec_handler' here: arch/x86/kernel/cpu/mshyperv.c
	hv_setup_kexec_handler(demo_kexec);
	return 0;
}

// CHECK-DAG: [[@LINE+1]]:20: warning: module hands 'demo_power_off' to 'pm_power_off', an unsafe interface (no 'struct module *' owner, no synchronous unregister), yet can be unloaded through 'demo_exit': nothing tells it when the last caller has left its code (Rule #2); remove the module_exit so the module cannot be unloaded, or move to an interface with an owner or an unregister that waits [modsafe-unsafe-unload]
static void __exit demo_exit(void)
{
	hv_remove_kexec_handler();
	pm_power_off = old_power_off;
	pm_power_off = NULL;
}

module_init(demo_init);
module_exit(demo_exit);
MODULE_LICENSE("GPL");

// unsafe-unload, negative: Rule #2's own answer. A module that uses an
// unsafe interface and has no module_exit cannot be unloaded.
// RUN: %clang -fsyntax-only %kinc -I%S/../Inputs/rule2 -DMODULE -fplugin=%modsafe_plugin -fplugin-arg-modsafe-checks=-*,unsafe-unload %s 2>&1 | FileCheck %s --check-prefix=NONE --allow-empty '--implicit-check-not=[modsafe-'
// NONE-NOT: [modsafe-
#include <linux/module.h>
#include <linux/init.h>
#include <linux/pm.h>
#include <legacy.h>

static void demo_power_off(void) { }
static void demo_event(int what) { }

static int __init demo_init(void)
{
	pm_power_off = demo_power_off;
	register_legacy_event(demo_event);
	return 0;
}

module_init(demo_init);
MODULE_LICENSE("GPL");

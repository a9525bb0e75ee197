// missing-teardown applies to a module that can be unloaded and whose
// whole source is this file: not to built-in code, a module without
// module_exit, or one file of a module of several (its teardown may be in
// another file).
// RUN: %clang -fsyntax-only %kinc -DMODULE -fplugin=%modsafe_plugin -fplugin-arg-modsafe-checks=-*,missing-teardown %s 2>&1 | FileCheck %s --check-prefix=LEAK
// RUN: %clang -fsyntax-only %kinc -fplugin=%modsafe_plugin -fplugin-arg-modsafe-checks=-*,missing-teardown %s 2>&1 | FileCheck %s --allow-empty '--implicit-check-not=[modsafe-'
// RUN: %clang -fsyntax-only %kinc -DMODULE '-DKBUILD_BASENAME="part"' -fplugin=%modsafe_plugin -fplugin-arg-modsafe-checks=-*,missing-teardown %s 2>&1 | FileCheck %s --allow-empty '--implicit-check-not=[modsafe-'
// RUN: %clang -fsyntax-only %kinc -DMODULE '-DKBUILD_BASENAME="test"' -DNO_EXIT -fplugin=%modsafe_plugin -fplugin-arg-modsafe-checks=-*,missing-teardown %s 2>&1 | FileCheck %s --allow-empty '--implicit-check-not=[modsafe-'
#include <linux/module.h>
#include <linux/init.h>
#include <linux/timer.h>

static struct timer_list t;
static void t_fn(struct timer_list *x) { }

static int __init scope_init(void)
{
	// LEAK: [[@LINE+1]]:2: warning: timer 't' armed with 't_fn' (timer_setup) is not torn down synchronously
	timer_setup(&t, t_fn, 0);
	mod_timer(&t, jiffies + HZ);
	return 0;
}
module_init(scope_init);

#ifndef NO_EXIT
static void __exit scope_exit(void) { }
module_exit(scope_exit);
#endif
MODULE_LICENSE("GPL");

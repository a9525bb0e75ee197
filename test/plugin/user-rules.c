// A subsystem adds its own interface with an extra rules file of the same
// form: its owner-guarded structure is then checked like the kernel's.
// RUN: %clang -fsyntax-only %kinc -DMODULE -fplugin=%modsafe_plugin %s 2>&1 | FileCheck %s --allow-empty --check-prefix=BUILTIN
// BUILTIN-NOT: modsafe-missing-owner
// RUN: %clang -fsyntax-only %kinc -DMODULE -fplugin=%modsafe_plugin -fplugin-arg-modsafe-rules=%S/Inputs/foo-rules.json %s 2>&1 | FileCheck %s
#include <linux/module.h>

struct foo_ops {
	struct module *owner;
	int (*poke)(int);
};
int foo_register(const struct foo_ops *ops);

static int my_poke(int x) { return x; }

// CHECK: [[@LINE+1]]:29: warning: 'my_foo_ops' (struct foo_ops) holds callbacks into this module but leaves '.owner' unset
static const struct foo_ops my_foo_ops = {
	.poke = my_poke,
};
// CHECK: note: handed to 'foo_register' here
// CHECK: note: set '.owner = THIS_MODULE' {{.*}}(foo_call() takes try_module_get(ops->owner))

static int __init foo_init(void)
{
	return foo_register(&my_foo_ops);
}
module_init(foo_init);

// An exported registration links the caller's ops structure into a global
// list through a helper; the structure has no owner. Exported functions are
// interfaces whether or not a header declares them, static ones included
// (EXPORT_SYMBOL_GPL of a static function), in a module too (-DMODULE), and
// with the x86-64 relative ksymtab entries (PREL32). A static function that
// is not exported is no interface.
// RUN: %clang -fsyntax-only %kinc -fplugin=%modsafe_plugin %s 2>&1 | FileCheck %s '--implicit-check-not=[modsafe-'
// RUN: %clang -fsyntax-only %kinc -DMODULE -fplugin=%modsafe_plugin %s 2>&1 | FileCheck %s '--implicit-check-not=[modsafe-'
// RUN: %clang -fsyntax-only %kinc -DMODULE -DCONFIG_HAVE_ARCH_PREL32_RELOCATIONS -fplugin=%modsafe_plugin %s 2>&1 | FileCheck %s '--implicit-check-not=[modsafe-'
// RUN: rm -rf %t && %clang -fsyntax-only %kinc -fplugin=%modsafe_plugin -fplugin-arg-modsafe-report-dir=%t %s 2>/dev/null
// RUN: cat %t/ops-list.c.*.json | FileCheck %s --check-prefix=JSON
// JSON: "check": "interface-no-owner",
// JSON: "fixits": [],
// JSON: "rule": "Rule #1",
#include <linux/module.h>
#include <linux/list.h>
#include <linux/errno.h>

struct lst_ops {
	const char *name;
	int (*probe)(int);
	void (*remove)(int);
	struct list_head list;
};

static LIST_HEAD(lst_list);
static LIST_HEAD(lst_other);

static void lst_link(struct lst_ops *o);

// CHECK: ops-list.c:[[@LINE+1]]:5: warning: 'lst_register' stores the caller's callbacks ('ops', struct lst_ops) for later calls but has no 'struct module *' owner in the structure nor as a parameter; the module that supplies them cannot be pinned before they are called (Rule #1) [modsafe-interface-no-owner]
int lst_register(struct lst_ops *ops)
{
	if (!ops->probe)
		return -EINVAL;
	// CHECK: ops-list.c:[[@LINE+1]]:11: note: passed to 'lst_link' as 'o' here
	lst_link(ops);
	return 0;
}
EXPORT_SYMBOL(lst_register);

static void lst_link(struct lst_ops *o)
{
	// CHECK: ops-list.c:[[@LINE+1]]:16: note: linked in by 'list_add_tail' here
	list_add_tail(&o->list, &lst_list);
}
// CHECK: ops-list.c:[[@LINE-15]]:34: note: add 'struct module *owner' to struct lst_ops, have callers set it to THIS_MODULE and take try_module_get() on it before each call (or take the owner as a parameter); if unregistering waits for callbacks already running, record that in the knowledge base (sync_unregister)

// CHECK: ops-list.c:[[@LINE+1]]:12: warning: 'lst_register_other' stores the caller's callbacks ('ops', struct lst_ops) {{.*}} [modsafe-interface-no-owner]
static int lst_register_other(struct lst_ops *ops)
{
	// CHECK: ops-list.c:[[@LINE+1]]:11: note: linked in by 'list_add' here
	list_add(&ops->list, &lst_other);
	return 0;
}
EXPORT_SYMBOL_GPL(lst_register_other);

/* Static and not exported: only this file can call it. */
static int lst_register_local(struct lst_ops *ops)
{
	list_add(&ops->list, &lst_other);
	return 0;
}

int lst_init(void)
{
	static struct lst_ops mine;

	return lst_register_local(&mine);
}
EXPORT_SYMBOL(lst_init);

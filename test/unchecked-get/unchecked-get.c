// unchecked-get: a try_module_get whose result is thrown away.
// RUN: %clang -fsyntax-only %kinc -DCONFIG_MODULE_UNLOAD -fplugin=%modsafe_plugin -fplugin-arg-modsafe-checks=-*,unchecked-get %s 2>&1 | FileCheck %s '--implicit-check-not=[modsafe-'
// The static-inline variant (no CONFIG_MODULE_UNLOAD) is the same call.
// RUN: %clang -fsyntax-only %kinc -fplugin=%modsafe_plugin -fplugin-arg-modsafe-checks=-*,unchecked-get %s 2>&1 | FileCheck %s '--implicit-check-not=[modsafe-'
#include <linux/module.h>
#include <linux/errno.h>

struct thing {
	struct module *owner;
	void (*fn)(void);
};

void as_statement(struct thing *t)
{
	// CHECK: [[@LINE+1]]:2: warning: result of 'try_module_get' is ignored{{.*}}[modsafe-unchecked-get]
	try_module_get(t->owner);
	t->fn();
	module_put(t->owner);
}

void cast_to_void(struct thing *t)
{
	// CHECK: [[@LINE+1]]:8: warning: result of 'try_module_get' is ignored{{.*}}[modsafe-unchecked-get]
	(void)try_module_get(t->owner);
}

void unbraced_body(struct thing *t, int pin)
{
	if (pin)
		// CHECK: [[@LINE+1]]:3: warning: result of 'try_module_get' is ignored{{.*}}[modsafe-unchecked-get]
		try_module_get(t->owner);
}

/* Negatives: the result is used. */
int tested(struct thing *t)
{
	if (!try_module_get(t->owner))
		return -ENODEV;
	t->fn();
	module_put(t->owner);
	return 0;
}

bool returned(struct thing *t)
{
	return try_module_get(t->owner);
}

int kept(struct thing *t)
{
	bool ok = try_module_get(t->owner);

	return ok ? 0 : -ENODEV;
}

/* __module_get cannot fail: nothing to check. */
void unconditional(struct thing *t)
{
	__module_get(t->owner);
}

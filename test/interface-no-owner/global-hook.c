// A hook setter declared in the subsystem's header keeps the caller's
// function pointer in a global: nothing lets the subsystem pin the module the
// hook belongs to before calling it. A function pointer that is only called,
// or only copied into a local, is not kept. Built-in code (no -DMODULE) is
// checked too: interfaces usually live in the kernel proper. In a module
// (-DMODULE) a function that is not exported can only be called by the module
// itself, so it is no interface (MOD prefix).
// RUN: %clang -fsyntax-only %kinc -I %S/Inputs -fplugin=%modsafe_plugin %s 2>&1 | FileCheck %s '--implicit-check-not=[modsafe-'
// RUN: %clang -fsyntax-only %kinc -I %S/Inputs -DMODULE -fplugin=%modsafe_plugin %s 2>&1 | FileCheck %s --allow-empty --check-prefix=MOD '--implicit-check-not=[modsafe-'
// MOD-NOT: warning
#include <linux/module.h>
#include "hooks.h"

static int (*ghk_hook)(int);

// CHECK: global-hook.c:[[@LINE+1]]:6: warning: 'ghk_set_hook' stores the caller's callback ('hook', a function pointer) for later calls but takes no 'struct module *' owner; the module that supplies it cannot be pinned before it is called (Rule #1) [modsafe-interface-no-owner]
void ghk_set_hook(int (*hook)(int))
{
	// CHECK: global-hook.c:[[@LINE+1]]:11: note: stored in 'ghk_hook' here
	ghk_hook = hook;
}
// CHECK: global-hook.c:[[@LINE-5]]:25: note: take the caller's 'struct module *' (THIS_MODULE) as a parameter and take try_module_get() on it before each call; if unregistering waits for callbacks already running, record that in the knowledge base (sync_unregister)

/* Only called: nothing is kept. */
int ghk_run(int (*fn)(int), int x)
{
	return fn(x);
}

/* Only stored into a local. */
int ghk_local(int (*fn)(int))
{
	int (*f)(int) = fn;
	int (*g)(int);

	g = f;
	return g(1) + (ghk_hook ? ghk_hook(2) : 0);
}

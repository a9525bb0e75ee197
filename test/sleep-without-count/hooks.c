// sleep-without-count: functions published with rcu_assign_pointer() or
// RCU_INIT_POINTER() are entered without a module reference; they may sleep
// only after taking a count of their own.
// RUN: %clang -fsyntax-only %kinc -DMODULE -fplugin=%modsafe_plugin -fplugin-arg-modsafe-checks=-*,sleep-without-count %s 2>&1 | FileCheck %s '--implicit-check-not=[modsafe-'
// RUN: %clang -fsyntax-only %kinc -DMODULE -fplugin=%modsafe_plugin -fplugin-arg-modsafe-checks=-*,sleep-without-count %s 2>&1 | FileCheck %s --check-prefix=NOTE
// RUN: %clang -fsyntax-only %kinc -DMODULE -DCONFIG_MODULE_UNLOAD -fplugin=%modsafe_plugin -fplugin-arg-modsafe-checks=-*,sleep-without-count %s 2>&1 | FileCheck %s '--implicit-check-not=[modsafe-'
#include <linux/module.h>
#include <linux/rcupdate.h>
#include <linux/mutex.h>
#include <linux/delay.h>
#include <linux/errno.h>

static DEFINE_MUTEX(mtx);

/* Hooks the kernel calls through without a module reference. */
int (*demo_hook)(int);
int (*demo_hook2)(int);
int (*demo_hook3)(int);
int (*demo_hook4)(int);
int (*demo_hook5)(int);
struct hooks { int (*fn)(int); } *demo_hooks;

static void wait_a_bit(void)
{
	msleep(5);
}

static int sleepy(int x)
{
	// CHECK: [[@LINE+1]]:2: warning: 'mutex_lock' may sleep in 'sleepy', which is entered without a module reference; take '__module_get(THIS_MODULE)' before sleeping, or the module may be unloaded under the sleeper (Phillips: noncounting modules) [modsafe-sleep-without-count]
	mutex_lock(&mtx);
	mutex_unlock(&mtx);
	return x;
}

static int sleepy_through_helper(int x)
{
	// CHECK: [[@LINE+1]]:2: warning: 'wait_a_bit' (through 'msleep') may sleep in 'sleepy_through_helper'{{.*}}[modsafe-sleep-without-count]
	wait_a_bit();
	return x;
}

static int counted(int x)
{
	__module_get(THIS_MODULE);
	msleep(1);
	module_put(THIS_MODULE);
	return x;
}

static int try_counted(int x)
{
	if (!try_module_get(THIS_MODULE))
		return -ENODEV;
	msleep(1);
	module_put(THIS_MODULE);
	// CHECK: [[@LINE+1]]:2: warning: 'msleep' may sleep in 'try_counted'{{.*}}[modsafe-sleep-without-count]
	msleep(1);
	return x;
}

static int quick(int x)
{
	return x + 1;
}

static int field_hook(int x)
{
	// CHECK: [[@LINE+1]]:2: warning: 'msleep' may sleep in 'field_hook'{{.*}}[modsafe-sleep-without-count]
	msleep(1);
	return x;
}

static int not_published(int x)
{
	msleep(x);
	return x;
}

static int __init demo_init(void)
{
	// NOTE: [[@LINE+1]]:2: note: 'sleepy' is published through 'rcu_assign_pointer' here: callers enter it without a module reference
	rcu_assign_pointer(demo_hook, sleepy);
	// NOTE: note: 'sleepy_through_helper' is published through 'RCU_INIT_POINTER' here
	RCU_INIT_POINTER(demo_hook2, sleepy_through_helper);
	rcu_assign_pointer(demo_hook3, counted);
	rcu_assign_pointer(demo_hook4, try_counted);
	rcu_assign_pointer(demo_hook5, quick);
	rcu_assign_pointer(demo_hooks->fn, field_hook);
	not_published(1);
	return 0;
}

static void __exit demo_exit(void)
{
	RCU_INIT_POINTER(demo_hook, NULL);
	synchronize_rcu();
}

module_init(demo_init);
module_exit(demo_exit);
MODULE_LICENSE("GPL");

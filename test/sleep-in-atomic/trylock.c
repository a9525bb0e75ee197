// sleep-in-atomic: a trylock holds its lock on the success branch only, in
// every way the kernel writes the test.
// RUN: %clang -fsyntax-only %kinc -DMODULE -fplugin=%modsafe_plugin -fplugin-arg-modsafe-checks=-*,sleep-in-atomic %s 2>&1 | FileCheck %s '--implicit-check-not=[modsafe-'
// RUN: %clang -fsyntax-only %kinc -DMODULE -DCONFIG_PREEMPT_COUNT -DCONFIG_PREEMPTION -DCONFIG_DEBUG_LOCK_ALLOC -DCONFIG_DEBUG_SPINLOCK -fplugin=%modsafe_plugin -fplugin-arg-modsafe-checks=-*,sleep-in-atomic %s 2>&1 | FileCheck %s '--implicit-check-not=[modsafe-'
#include <linux/module.h>
#include <linux/spinlock.h>
#include <linux/mutex.h>
#include <linux/delay.h>
#include <linux/compiler.h>

static DEFINE_SPINLOCK(lock);
static DEFINE_RWLOCK(rw);

void success_branch(void)
{
	if (spin_trylock(&lock)) {
		// CHECK: [[@LINE+1]]:3: warning: 'msleep' may sleep, but it is called in atomic context (spinlock held since 'spin_trylock') [modsafe-sleep-in-atomic]
		msleep(1);
		spin_unlock(&lock);
	} else {
		msleep(1);   /* not held here */
	}
}

int early_out(void)
{
	if (!spin_trylock(&lock))
		return -1;
	// CHECK: [[@LINE+1]]:2: warning: 'msleep' {{.*}}(spinlock held since 'spin_trylock') [modsafe-sleep-in-atomic]
	msleep(1);
	spin_unlock(&lock);
	return 0;
}

void likely_form(void)
{
	if (likely(spin_trylock_bh(&lock))) {
		// CHECK: [[@LINE+1]]:3: warning: 'msleep' {{.*}}(spinlock held since 'spin_trylock_bh') [modsafe-sleep-in-atomic]
		msleep(1);
		spin_unlock_bh(&lock);
	}
}

void spin_until(void)
{
	while (!spin_trylock(&lock))
		msleep(1);   /* still not held: we are waiting for it */
	// CHECK: [[@LINE+1]]:2: warning: 'msleep' {{.*}}(spinlock held since 'spin_trylock') [modsafe-sleep-in-atomic]
	msleep(1);
	spin_unlock(&lock);
}

void rw_trylock(void)
{
	if (write_trylock(&rw)) {
		// CHECK: [[@LINE+1]]:3: warning: 'msleep' {{.*}}(rwlock held since 'write_trylock') [modsafe-sleep-in-atomic]
		msleep(1);
		write_unlock(&rw);
	}
	msleep(1);
}

void condition_and(int c)
{
	if (c && spin_trylock(&lock)) {
		// CHECK: [[@LINE+1]]:3: warning: 'msleep' {{.*}}(spinlock held since 'spin_trylock') [modsafe-sleep-in-atomic]
		msleep(1);
		spin_unlock(&lock);
	}
	msleep(1);
}

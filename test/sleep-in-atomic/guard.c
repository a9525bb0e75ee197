// sleep-in-atomic: the guard()/scoped_guard() forms (Linux 6.5, backported
// to 6.1.y stable): the region lasts to the end of the guard's scope, and
// there is no unlock call to see.
// RUN: %clang -fsyntax-only %kinc -DMODULE -fplugin=%modsafe_plugin -fplugin-arg-modsafe-checks=-*,sleep-in-atomic %s 2>&1 | FileCheck %s '--implicit-check-not=[modsafe-'
#include <linux/module.h>
#include <linux/cleanup.h>
#include <linux/spinlock.h>
#include <linux/rcupdate.h>
#include <linux/mutex.h>
#include <linux/delay.h>

static DEFINE_SPINLOCK(lock);
static DEFINE_MUTEX(mtx);

void guarded(int c)
{
	msleep(1);
	if (c) {
		guard(spinlock_irqsave)(&lock);
		// CHECK: [[@LINE+1]]:3: warning: 'msleep' may sleep, but it is called in atomic context (spinlock held since 'guard(spinlock_irqsave)') [modsafe-sleep-in-atomic]
		msleep(1);
	}
	msleep(1);   /* the guard's scope ended */
}

void scoped(void)
{
	scoped_guard(spinlock, &lock) {
		// CHECK: [[@LINE+1]]:3: warning: 'msleep' {{.*}}(spinlock held since 'guard(spinlock)') [modsafe-sleep-in-atomic]
		msleep(1);
	}
	msleep(1);
}

void rcu_guard(void)
{
	guard(rcu)();
	// CHECK: [[@LINE+1]]:2: warning: 'msleep' {{.*}}(RCU read-side critical section since 'guard(rcu)') [modsafe-sleep-in-atomic]
	msleep(1);
}

/* A mutex guard is not atomic. */
void mutex_guard(void)
{
	guard(mutex)(&mtx);
	msleep(1);
}

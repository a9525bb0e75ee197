// sleep-in-atomic: sleeps and regions that come from macros — might_sleep()
// (a call only with CONFIG_DEBUG_ATOMIC_SLEEP, nothing at all without),
// wait_event*(), and the macros that drop the lock around their sleep.
// RUN: %clang -fsyntax-only %kinc -DMODULE -fplugin=%modsafe_plugin -fplugin-arg-modsafe-checks=-*,sleep-in-atomic %s 2>&1 | FileCheck %s '--implicit-check-not=[modsafe-'
// RUN: %clang -fsyntax-only %kinc -DMODULE -DCONFIG_PREEMPT_COUNT -DCONFIG_PREEMPTION -DCONFIG_PREEMPT_DYNAMIC -DCONFIG_DEBUG_ATOMIC_SLEEP -DCONFIG_PROVE_LOCKING -DCONFIG_DEBUG_LOCK_ALLOC -fplugin=%modsafe_plugin -fplugin-arg-modsafe-checks=-*,sleep-in-atomic %s 2>&1 | FileCheck %s '--implicit-check-not=[modsafe-'
#include <linux/module.h>
#include <linux/spinlock.h>
#include <linux/wait.h>
#include <linux/sched.h>
#include <linux/kernel.h>
#include <linux/uaccess.h>

static DEFINE_SPINLOCK(lock);
static DECLARE_WAIT_QUEUE_HEAD(wq);
static int ready;

void annotated(int may)
{
	spin_lock(&lock);
	// CHECK: [[@LINE+1]]:2: warning: 'might_sleep' may sleep, but it is called in atomic context (spinlock held since 'spin_lock') [modsafe-sleep-in-atomic]
	might_sleep();
	/* The kernel's own "only if": not a sleep here. */
	might_sleep_if(may);
	spin_unlock(&lock);
}

void waits(void)
{
	spin_lock(&lock);
	// CHECK: [[@LINE+1]]:2: warning: 'wait_event' may sleep, but it is called in atomic context{{.*}}[modsafe-sleep-in-atomic]
	wait_event(wq, ready);
	spin_unlock(&lock);
}

/* wait_event_lock_irq() unlocks around schedule() and locks again. */
void waits_with_lock(void)
{
	spin_lock_irq(&wq.lock);
	wait_event_lock_irq(wq, ready, wq.lock);
	spin_unlock_irq(&wq.lock);
}

/* cond_resched_lock() drops the lock to reschedule. */
void resched(void)
{
	spin_lock(&lock);
	cond_resched_lock(&lock);
	spin_unlock(&lock);
}

int user_copy(int __user *p)
{
	int v = 0;

	spin_lock(&lock);
	// CHECK: [[@LINE+1]]:6: warning: 'get_user' may sleep{{.*}}[modsafe-sleep-in-atomic]
	if (get_user(v, p))
		v = -1;
	spin_unlock(&lock);
	return v;
}

/* An irqsave'd lock dropped inside wait_event_lock_irq() (applespi). */
struct drain { spinlock_t lock; wait_queue_head_t wq; int busy; };
void drain_irqsave(struct drain *d)
{
	unsigned long flags;

	spin_lock_irqsave(&d->lock, flags);
	wait_event_lock_irq(d->wq, !d->busy, d->lock);
	spin_unlock_irqrestore(&d->lock, flags);
}

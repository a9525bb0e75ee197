// sleep-in-atomic: every form of atomic region, in three kernel
// configurations (a PREEMPT_NONE build, Debian 12's, and the validation
// tree's allmodconfig), since the AST of each region differs between them.
// RUN: %clang -fsyntax-only %kinc -DMODULE -fplugin=%modsafe_plugin -fplugin-arg-modsafe-checks=-*,sleep-in-atomic %s 2>&1 | FileCheck %s '--implicit-check-not=[modsafe-'
// RUN: %clang -fsyntax-only %kinc -DMODULE -DCONFIG_PREEMPT_COUNT -DCONFIG_PREEMPTION -DCONFIG_PREEMPT_DYNAMIC -DCONFIG_PREEMPT_RCU -fplugin=%modsafe_plugin -fplugin-arg-modsafe-checks=-*,sleep-in-atomic %s 2>&1 | FileCheck %s '--implicit-check-not=[modsafe-'
// RUN: %clang -fsyntax-only %kinc -DMODULE -DCONFIG_PREEMPT_COUNT -DCONFIG_PREEMPTION -DCONFIG_PREEMPT_DYNAMIC -DCONFIG_PREEMPT_RCU -DCONFIG_DEBUG_ATOMIC_SLEEP -DCONFIG_PROVE_LOCKING -DCONFIG_LOCKDEP -DCONFIG_DEBUG_LOCK_ALLOC -DCONFIG_DEBUG_SPINLOCK -DCONFIG_DEBUG_PREEMPT -DCONFIG_TRACE_IRQFLAGS -DCONFIG_DEBUG_IRQFLAGS -DCONFIG_MODULE_UNLOAD -fplugin=%modsafe_plugin -fplugin-arg-modsafe-checks=-*,sleep-in-atomic %s 2>&1 | FileCheck %s '--implicit-check-not=[modsafe-'
#include <linux/module.h>
#include <linux/spinlock.h>
#include <linux/rcupdate.h>
#include <linux/srcu.h>
#include <linux/preempt.h>
#include <linux/irqflags.h>
#include <linux/bottom_half.h>
#include <linux/mutex.h>
#include <linux/delay.h>
#include <linux/smp.h>

static DEFINE_SPINLOCK(lock);
static DEFINE_RWLOCK(rw);
static DEFINE_MUTEX(mtx);
static struct srcu_struct demo_srcu;

void plain(void)
{
	spin_lock(&lock);
	// CHECK: [[@LINE+1]]:2: warning: 'msleep' may sleep, but it is called in atomic context (spinlock held since 'spin_lock') [modsafe-sleep-in-atomic]
	msleep(1);
	spin_unlock(&lock);
	msleep(1);
}

void irqsave(void)
{
	unsigned long flags;

	msleep(1);
	spin_lock_irqsave(&lock, flags);
	// CHECK: [[@LINE+1]]:2: warning: 'mutex_lock' may sleep, but it is called in atomic context (spinlock held since 'spin_lock_irqsave') [modsafe-sleep-in-atomic]
	mutex_lock(&mtx);
	mutex_unlock(&mtx);
	spin_unlock_irqrestore(&lock, flags);
	mutex_lock(&mtx);
	mutex_unlock(&mtx);
}

void irq_and_bh(void)
{
	spin_lock_irq(&lock);
	// CHECK: [[@LINE+1]]:2: warning: 'msleep' {{.*}}(spinlock held since 'spin_lock_irq') [modsafe-sleep-in-atomic]
	msleep(1);
	spin_unlock_irq(&lock);
	spin_lock_bh(&lock);
	// CHECK: [[@LINE+1]]:2: warning: 'msleep' {{.*}}(spinlock held since 'spin_lock_bh') [modsafe-sleep-in-atomic]
	msleep(1);
	spin_unlock_bh(&lock);
	msleep(1);
}

void rwlocks(void)
{
	unsigned long flags;

	read_lock(&rw);
	// CHECK: [[@LINE+1]]:2: warning: 'msleep' {{.*}}(rwlock held since 'read_lock') [modsafe-sleep-in-atomic]
	msleep(1);
	read_unlock(&rw);
	write_lock_irqsave(&rw, flags);
	// CHECK: [[@LINE+1]]:2: warning: 'msleep' {{.*}}(rwlock held since 'write_lock_irqsave') [modsafe-sleep-in-atomic]
	msleep(1);
	write_unlock_irqrestore(&rw, flags);
	write_lock_bh(&rw);
	// CHECK: [[@LINE+1]]:2: warning: 'msleep' {{.*}}(rwlock held since 'write_lock_bh') [modsafe-sleep-in-atomic]
	msleep(1);
	write_unlock_bh(&rw);
	msleep(1);
}

void rcu(void)
{
	int idx;

	rcu_read_lock();
	// CHECK: [[@LINE+1]]:2: warning: 'msleep' {{.*}}(RCU read-side critical section since 'rcu_read_lock') [modsafe-sleep-in-atomic]
	msleep(1);
	rcu_read_unlock();
	rcu_read_lock_bh();
	// CHECK: [[@LINE+1]]:2: warning: 'msleep' {{.*}}(RCU read-side critical section since 'rcu_read_lock_bh') [modsafe-sleep-in-atomic]
	msleep(1);
	rcu_read_unlock_bh();
	/* SRCU readers may sleep. */
	idx = srcu_read_lock(&demo_srcu);
	msleep(1);
	srcu_read_unlock(&demo_srcu, idx);
}

void preemption(void)
{
	int cpu;

	preempt_disable();
	// CHECK: [[@LINE+1]]:2: warning: 'msleep' {{.*}}(preemption disabled since 'preempt_disable') [modsafe-sleep-in-atomic]
	msleep(1);
	preempt_enable();
	msleep(1);
	cpu = get_cpu();
	// CHECK: [[@LINE+1]]:2: warning: 'msleep' {{.*}}(preemption disabled since 'get_cpu') [modsafe-sleep-in-atomic]
	msleep(cpu);
	put_cpu();
	msleep(1);
}

void interrupts(void)
{
	unsigned long flags;

	local_irq_save(flags);
	// CHECK: [[@LINE+1]]:2: warning: 'msleep' {{.*}}(interrupts disabled since 'local_irq_save') [modsafe-sleep-in-atomic]
	msleep(1);
	local_irq_restore(flags);
	local_irq_disable();
	// CHECK: [[@LINE+1]]:2: warning: 'msleep' {{.*}}(interrupts disabled since 'local_irq_disable') [modsafe-sleep-in-atomic]
	msleep(1);
	local_irq_enable();
	local_bh_disable();
	// CHECK: [[@LINE+1]]:2: warning: 'msleep' {{.*}}(bottom halves disabled since 'local_bh_disable') [modsafe-sleep-in-atomic]
	msleep(1);
	local_bh_enable();
	msleep(1);
}

void nested(void)
{
	unsigned long flags;

	spin_lock_irqsave(&lock, flags);
	rcu_read_lock();
	rcu_read_unlock();
	// The spinlock is still held after the inner region ends.
	// CHECK: [[@LINE+1]]:2: warning: 'msleep' {{.*}}(spinlock held since 'spin_lock_irqsave') [modsafe-sleep-in-atomic]
	msleep(1);
	spin_unlock_irqrestore(&lock, flags);
}

/* A region held on one path only is not "atomic context" at the join. */
void one_path(int c)
{
	if (c)
		spin_lock(&lock);
	msleep(1);
	if (c)
		spin_unlock(&lock);
}

/* Every path out of the region unlocks; the sleep after it is fine. */
int early_return(int c)
{
	spin_lock(&lock);
	if (c) {
		spin_unlock(&lock);
		msleep(1);
		return -1;
	}
	spin_unlock(&lock);
	msleep(1);
	return 0;
}

/* Unlock in a loop, sleep, lock again: the classic "drop the lock to wait". */
void drop_to_wait(int *busy)
{
	spin_lock(&lock);
	while (*busy) {
		spin_unlock(&lock);
		msleep(10);
		spin_lock(&lock);
	}
	spin_unlock(&lock);
}

/* Two locks handed over with the irq state (evdev): each unlock ends its
   own lock's region, whatever its _irq form. */
struct two { spinlock_t a, b; };
void swap_locks(struct two *t)
{
	spin_lock_irq(&t->a);
	spin_lock(&t->b);
	spin_unlock(&t->a);
	spin_unlock_irq(&t->b);
	msleep(1);
}

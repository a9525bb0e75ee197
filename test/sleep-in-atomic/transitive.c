// sleep-in-atomic: calls that sleep through the module's own functions and
// the kernel's static inlines, with the chain as notes; recursion; helpers
// that drop the caller's lock themselves.
// RUN: %clang -fsyntax-only %kinc -DMODULE -fplugin=%modsafe_plugin -fplugin-arg-modsafe-checks=-*,sleep-in-atomic %s 2>&1 | FileCheck %s '--implicit-check-not=[modsafe-'
#include <linux/module.h>
#include <linux/spinlock.h>
#include <linux/mutex.h>
#include <linux/delay.h>
#include <linux/completion.h>

static DEFINE_SPINLOCK(lock);
static DEFINE_MUTEX(mtx);
static struct completion done;

static void leaf(void)
{
	// CHECK-DAG: [[@LINE+1]]:2: note: 'leaf' calls 'wait_for_completion', which may sleep
	wait_for_completion(&done);
}

static void middle(int n)
{
	if (n)
		// CHECK-DAG: [[@LINE+1]]:3: note: 'middle' calls 'leaf', which may sleep
		leaf();
}

void chain(void)
{
	spin_lock(&lock);
	// CHECK-DAG: [[@LINE+1]]:2: warning: 'middle' (through 'wait_for_completion') may sleep, but it is called in atomic context (spinlock held since 'spin_lock') [modsafe-sleep-in-atomic]
	middle(1);
	spin_unlock(&lock);
}

/* Mutual recursion: odd() sleeps only through even(), and the other way. */
static int even(int n);
static int odd(int n)
{
	return n == 0 ? 0 : even(n - 1);
}
static int even(int n)
{
	if (n == 0) {
		msleep(1);
		return 1;
	}
	return odd(n - 1);
}

int recursive(int n)
{
	int r;

	spin_lock(&lock);
	// CHECK-DAG: [[@LINE+1]]:6: warning: 'odd' (through 'msleep') may sleep{{.*}}[modsafe-sleep-in-atomic]
	r = odd(n);
	spin_unlock(&lock);
	return r;
}

/* Recursion with no sleep anywhere: nothing to report. */
static int depth(int n) { return n ? depth(n - 1) + 1 : 0; }
int no_sleep(int n)
{
	int r;

	spin_lock(&lock);
	r = depth(n);
	spin_unlock(&lock);
	return r;
}

/* Called with the lock held; gives it up around the sleep (drbd does this). */
static void wait_unlocked(void)
{
	spin_unlock(&lock);
	mutex_lock(&mtx);
	mutex_unlock(&mtx);
	spin_lock(&lock);
}

void caller_of_dropper(void)
{
	spin_lock(&lock);
	wait_unlocked();
	spin_unlock(&lock);
}

/* A helper with a balanced region of its own does not release the caller's. */
static void own_region(void)
{
	spin_lock(&lock);
	spin_unlock(&lock);
	mutex_lock(&mtx);
	mutex_unlock(&mtx);
}

void caller_of_balanced(void)
{
	unsigned long flags;

	spin_lock_irqsave(&lock, flags);
	// CHECK-DAG: [[@LINE+1]]:2: warning: 'own_region' (through 'mutex_lock') may sleep{{.*}}[modsafe-sleep-in-atomic]
	own_region();
	spin_unlock_irqrestore(&lock, flags);
}

/* qla1280: the caller took the lock with spin_lock_irqsave, the helper
   drops it with spin_unlock_irq around the wait. */
static void mailbox(void)
{
	spin_unlock_irq(&lock);
	wait_for_completion(&done);
	spin_lock_irq(&lock);
}

void caller_irqsave(void)
{
	unsigned long flags;

	spin_lock_irqsave(&lock, flags);
	mailbox();
	spin_unlock_irqrestore(&lock, flags);
}

/* A branch the code rules out cannot sleep. */
static void poll_hw(unsigned long sleep_us)
{
	const int never = 0;

	if (never)
		msleep(1);
}

void caller_of_dead_branch(void)
{
	spin_lock(&lock);
	poll_hw(0);
	spin_unlock(&lock);
}

/* ipr: the helper drops one lock, but the caller holds two. */
static DEFINE_SPINLOCK(inner);
void two_locks_one_dropped(void)
{
	unsigned long flags;

	spin_lock_irqsave(&lock, flags);
	spin_lock(&inner);
	// CHECK-DAG: [[@LINE+1]]:2: warning: 'mailbox' (through 'wait_for_completion') may sleep{{.*}}(spinlock held since 'spin_lock'){{.*}}[modsafe-sleep-in-atomic]
	mailbox();
	spin_unlock(&inner);
	spin_unlock_irqrestore(&lock, flags);
}

/* BusLogic: the helper drops the lock for a delay, takes it back, and only
   then calls what sleeps. */
static void relock_then_sleep(void)
{
	spin_unlock_irq(&lock);
	spin_lock_irq(&lock);
	leaf();
}

void caller_of_relocker(void)
{
	spin_lock_irq(&lock);
	// CHECK-DAG: [[@LINE+1]]:2: warning: 'relock_then_sleep' (through 'wait_for_completion') may sleep{{.*}}[modsafe-sleep-in-atomic]
	relock_then_sleep();
	spin_unlock_irq(&lock);
}

// sleep-in-atomic: code that cannot run is not a sleep. Only the association
// _Generic selects is evaluated (seqlock.h's __seqprop() names a mutex-taking
// variant beside the spinlock one), and after an early return taken on a
// constant (`if (!IS_ENABLED(CONFIG_PREEMPT_RT)) return seq;`) the rest of
// the block is dead up to the next label.
// RUN: %clang -fsyntax-only %kinc -DMODULE -fplugin=%modsafe_plugin -fplugin-arg-modsafe-checks=-*,sleep-in-atomic %s 2>&1 | FileCheck %s '--implicit-check-not=[modsafe-'
#include <linux/module.h>
#include <linux/spinlock.h>
#include <linux/mutex.h>
#include <linux/delay.h>

static DEFINE_SPINLOCK(lock);
static DEFINE_MUTEX(big);

struct seq_spin { unsigned seq; };
struct seq_mutex { unsigned seq; };

#define RT_ENABLED 0

static unsigned seq_spin_read(const struct seq_spin *s) { return s->seq; }
static unsigned seq_mutex_read(const struct seq_mutex *s)
{
	if (!RT_ENABLED)
		return s->seq;
	mutex_lock(&big);
	mutex_unlock(&big);
	return s->seq;
}
static unsigned seq_mutex_read_rt(const struct seq_mutex *s)
{
	mutex_lock(&big);
	mutex_unlock(&big);
	return s->seq;
}

#define seq_read(s) _Generic(*(s),				\
	struct seq_spin: seq_spin_read((const void *)(s)),	\
	struct seq_mutex: seq_mutex_read_rt((const void *)(s)))

/* read_seqbegin(): the selection happens in a callee. */
static unsigned read_spin(struct seq_spin *a)
{
	return seq_read(a);
}

static unsigned settle(int n)
{
	if (RT_ENABLED == 0)
		goto out;
	msleep(n);
out:
	// CHECK-DAG: [[@LINE+1]]:2: note: 'settle' calls 'msleep', which may sleep
	msleep(1);
	return 0;
}

void reader(struct seq_spin *a, struct seq_mutex *b)
{
	unsigned v;

	spin_lock(&lock);
	v = seq_read(a);      /* the spinlock variant: no sleep */
	v += read_spin(a);
	v += seq_mutex_read(b); /* the mutex part is dead without RT */
	// CHECK-DAG: [[@LINE+1]]:7: warning: 'seq_mutex_read_rt' (through 'mutex_lock') may sleep, but it is called in atomic context (spinlock held since 'spin_lock') [modsafe-sleep-in-atomic]
	v += seq_read(b);
	// CHECK-DAG: [[@LINE+1]]:7: warning: 'settle' (through 'msleep') may sleep, but it is called in atomic context (spinlock held since 'spin_lock') [modsafe-sleep-in-atomic]
	v += settle(2);
	spin_unlock(&lock);
}
MODULE_LICENSE("GPL");

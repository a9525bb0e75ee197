// missing-teardown: rcu_barrier() waits only for the RCU callbacks queued so
// far. When a timer (or work item, thread) posts them, the barrier must come
// after that timer is stopped, or the timer posts one more after it (Owens).
// RUN: %clang -fsyntax-only %kinc -DMODULE -fplugin=%modsafe_plugin -fplugin-arg-modsafe-checks=-*,missing-teardown %s 2>&1 | FileCheck %s '--implicit-check-not=[modsafe-'
// RUN: %clang -fsyntax-only %kinc -DMODULE -DFIXED -fplugin=%modsafe_plugin -fplugin-arg-modsafe-checks=-*,missing-teardown %s 2>&1 | FileCheck %s --check-prefix=FIXED --allow-empty
// FIXED-NOT: modsafe-
#include <linux/module.h>
#include <linux/init.h>
#include <linux/timer.h>
#include <linux/workqueue.h>
#include <linux/rcupdate.h>
#include <linux/slab.h>

struct entry {
	struct rcu_head rcu;
	int v;
};

static struct entry __rcu *cur;
static struct timer_list gc_timer;
static struct work_struct gc_work;

static void entry_free(struct rcu_head *h)
{
	kfree(container_of(h, struct entry, rcu));
}

static void retire(struct entry *old)
{
	if (old)
// CHECK: barrier-order.c:[[@LINE+1]]:3: warning: RCU callback 'entry_free' posted by timer 'gc_timer' is waited for by 'rcu_barrier' before that timer is stopped{{.*}}[modsafe-missing-teardown]
		call_rcu(&old->rcu, entry_free);
}

static void gc_fn(struct timer_list *t)
{
	struct entry *n = kmalloc(sizeof(*n), GFP_ATOMIC);
	struct entry *old = rcu_dereference_protected(cur, 1);

	rcu_assign_pointer(cur, n);
	retire(old);
	mod_timer(&gc_timer, jiffies + HZ);
}

/* The work item also posts, and is stopped before the barrier: fine. */
static void gc_work_fn(struct work_struct *w)
{
	retire(NULL);
}

static void stop_posters(void)
{
	cancel_work_sync(&gc_work);
}

static int __init demo_init(void)
{
	INIT_WORK(&gc_work, gc_work_fn);
	timer_setup(&gc_timer, gc_fn, 0);
	mod_timer(&gc_timer, jiffies + HZ);
	schedule_work(&gc_work);
	return 0;
}

static void __exit demo_exit(void)
{
	stop_posters();
#ifdef FIXED
	del_timer_sync(&gc_timer);
	rcu_barrier();
#else
	rcu_barrier();
// CHECK: barrier-order.c:[[@LINE-1]]:2: note: 'rcu_barrier' here, in the module's exit 'demo_exit'
	del_timer_sync(&gc_timer);
// CHECK: barrier-order.c:[[@LINE-1]]:2: note: 'del_timer_sync' stops timer 'gc_timer' only here, after the barrier
#endif
}

module_init(demo_init);
module_exit(demo_exit);
MODULE_LICENSE("GPL");

// missing-teardown: every kind of deferred execution armed with a module
// callback and started, with no synchronous teardown on the way out.
// RUN: %clang -fsyntax-only %kinc -DMODULE -fplugin=%modsafe_plugin -fplugin-arg-modsafe-checks=-*,missing-teardown %s 2>&1 | FileCheck %s '--implicit-check-not=[modsafe-'
#include <linux/module.h>
#include <linux/init.h>
#include <linux/timer.h>
#include <linux/hrtimer.h>
#include <linux/workqueue.h>
#include <linux/interrupt.h>
#include <linux/kthread.h>
#include <linux/rcupdate.h>
#include <linux/slab.h>

struct foo {
	struct timer_list timer;
	struct hrtimer hr;
	struct work_struct work;
	struct delayed_work dwork;
	struct tasklet_struct tasklet;
	struct task_struct *thread;
	struct rcu_head rcu;
};

static struct foo *the_foo;

static void foo_timer_fn(struct timer_list *t) { }
static enum hrtimer_restart foo_hr_fn(struct hrtimer *t) { return HRTIMER_NORESTART; }
static void foo_work_fn(struct work_struct *w) { }
static void foo_dwork_fn(struct work_struct *w) { }
static void foo_tasklet_fn(struct tasklet_struct *t) { }
static int foo_thread_fn(void *data) { return 0; }
static void foo_free_rcu(struct rcu_head *h) { }

static int __init foo_init(void)
{
	struct foo *f = kzalloc(sizeof(*f), GFP_KERNEL);

	if (!f)
		return -ENOMEM;
	the_foo = f;
	// CHECK-DAG: [[@LINE+1]]:2: warning: timer 'f->timer' armed with 'foo_timer_fn' (timer_setup) is not torn down synchronously before the module can be unloaded: 'foo_timer_fn' may run after the module's code is freed; call del_timer_sync() (timer_shutdown_sync() when it must not be re-armed) on the exit or remove path (Stern, Owens) [modsafe-missing-teardown]
	timer_setup(&f->timer, foo_timer_fn, 0);
	mod_timer(&f->timer, jiffies + HZ);

	hrtimer_init(&f->hr, CLOCK_MONOTONIC, HRTIMER_MODE_REL);
	// CHECK-DAG: [[@LINE+1]]:2: warning: hrtimer 'f->hr' armed with 'foo_hr_fn' ('.function' store) is not torn down
	f->hr.function = foo_hr_fn;
	hrtimer_start(&f->hr, ms_to_ktime(10), HRTIMER_MODE_REL);

	// CHECK-DAG: [[@LINE+1]]:2: warning: work item 'f->work' armed with 'foo_work_fn' (INIT_WORK) is not torn down
	INIT_WORK(&f->work, foo_work_fn);
	schedule_work(&f->work);

	// CHECK-DAG: [[@LINE+1]]:2: warning: work item 'f->dwork' armed with 'foo_dwork_fn' (INIT_DELAYED_WORK) is not torn down
	INIT_DELAYED_WORK(&f->dwork, foo_dwork_fn);
	schedule_delayed_work(&f->dwork, HZ);

	// CHECK-DAG: [[@LINE+1]]:2: warning: tasklet 'f->tasklet' armed with 'foo_tasklet_fn' (tasklet_setup) is not torn down
	tasklet_setup(&f->tasklet, foo_tasklet_fn);
	tasklet_schedule(&f->tasklet);

	// CHECK-DAG: [[@LINE+1]]:14: warning: kernel thread 'f->thread' armed with 'foo_thread_fn' (kthread_run) is not torn down
	f->thread = kthread_run(foo_thread_fn, f, "foo");

	// CHECK-DAG: [[@LINE+1]]:2: warning: RCU callback 'f->rcu' armed with 'foo_free_rcu' (call_rcu) is not torn down
	call_rcu(&f->rcu, foo_free_rcu);
	return 0;
}

// CHECK-DAG: [[@LINE+1]]:20: note: the module's exit 'foo_exit' and the functions it calls do not wait for it
static void __exit foo_exit(void)
{
	kfree(the_foo);
}

module_init(foo_init);
module_exit(foo_exit);
MODULE_LICENSE("GPL");

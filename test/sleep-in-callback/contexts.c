// sleep-in-callback: callbacks of every non-sleeping context the knowledge
// base knows, handed over by call, by static initializer (DEFINE_TIMER,
// DECLARE_TASKLET) or by a store to the callback field.
// RUN: %clang -fsyntax-only %kinc -DMODULE -fplugin=%modsafe_plugin -fplugin-arg-modsafe-checks=-*,sleep-in-callback %s 2>&1 | FileCheck %s '--implicit-check-not=[modsafe-'
// RUN: %clang -fsyntax-only %kinc -DMODULE -DCONFIG_PREEMPT_COUNT -DCONFIG_PREEMPTION -DCONFIG_LOCKDEP -DCONFIG_DEBUG_LOCK_ALLOC -DCONFIG_DEBUG_ATOMIC_SLEEP -fplugin=%modsafe_plugin -fplugin-arg-modsafe-checks=-*,sleep-in-callback %s 2>&1 | FileCheck %s '--implicit-check-not=[modsafe-'
#include <linux/module.h>
#include <linux/interrupt.h>
#include <linux/timer.h>
#include <linux/hrtimer.h>
#include <linux/workqueue.h>
#include <linux/rcupdate.h>
#include <linux/mutex.h>
#include <linux/delay.h>
#include <linux/slab.h>
#include <linux/device.h>

static DEFINE_MUTEX(mtx);

struct demo {
	struct timer_list timer;
	struct hrtimer hr;
	struct tasklet_struct tl;
	struct work_struct work;
	struct rcu_head rcu;
	void *buf;
};

static void slow_helper(void)
{
	// CHECK-DAG: [[@LINE+1]]:2: note: 'slow_helper' calls 'msleep', which may sleep
	msleep(10);
}

static irqreturn_t demo_isr(int irq, void *data)
{
	// CHECK-DAG: [[@LINE+1]]:2: warning: 'slow_helper' (through 'msleep') may sleep, but 'demo_isr' is a hard-irq handler and must never sleep (Exception #1) [modsafe-sleep-in-callback]
	slow_helper();
	return IRQ_HANDLED;
}

/* The threaded handler's thread function runs in process context. */
static irqreturn_t demo_hard(int irq, void *data)
{
	return IRQ_WAKE_THREAD;
}
static irqreturn_t demo_thread(int irq, void *data)
{
	mutex_lock(&mtx);
	mutex_unlock(&mtx);
	return IRQ_HANDLED;
}

static irqreturn_t demo_devm_isr(int irq, void *data)
{
	struct demo *d = data;

	// CHECK-DAG: [[@LINE+1]]:11: warning: 'kmalloc' with 'GFP_KERNEL' may sleep, but 'demo_devm_isr' is a hard-irq handler and must never sleep (Exception #1) [modsafe-sleep-in-callback]
	d->buf = kmalloc(32, GFP_KERNEL);
	d->buf = kmalloc(32, GFP_ATOMIC);
	return IRQ_HANDLED;
}

static void demo_timer_fn(struct timer_list *t)
{
	// CHECK-DAG: [[@LINE+1]]:2: warning: 'mutex_lock' may sleep, but 'demo_timer_fn' is a timer callback, run in softirq context and must never sleep (Exception #1) [modsafe-sleep-in-callback]
	mutex_lock(&mtx);
	mutex_unlock(&mtx);
}

static void demo_static_timer_fn(struct timer_list *t)
{
	// CHECK-DAG: [[@LINE+1]]:2: warning: 'msleep' may sleep, but 'demo_static_timer_fn' is a timer callback{{.*}}[modsafe-sleep-in-callback]
	msleep(1);
}
static DEFINE_TIMER(demo_static_timer, demo_static_timer_fn);

static enum hrtimer_restart demo_hr_fn(struct hrtimer *h)
{
	// CHECK-DAG: [[@LINE+1]]:2: warning: 'msleep' may sleep, but 'demo_hr_fn' is an hrtimer callback, run in hard-irq context{{.*}}[modsafe-sleep-in-callback]
	msleep(1);
	return HRTIMER_NORESTART;
}

static void demo_tasklet_fn(struct tasklet_struct *t)
{
	// CHECK-DAG: [[@LINE+1]]:2: warning: 'msleep' may sleep, but 'demo_tasklet_fn' is a tasklet, run in softirq context{{.*}}[modsafe-sleep-in-callback]
	msleep(1);
}

static void demo_old_tasklet_fn(unsigned long data)
{
	// CHECK-DAG: [[@LINE+1]]:2: warning: 'msleep' may sleep, but 'demo_old_tasklet_fn' is a tasklet{{.*}}[modsafe-sleep-in-callback]
	msleep(1);
}
static DECLARE_TASKLET_OLD(demo_old_tasklet, demo_old_tasklet_fn);

static void demo_declared_fn(struct tasklet_struct *t)
{
	// CHECK-DAG: [[@LINE+1]]:2: warning: 'msleep' may sleep, but 'demo_declared_fn' is a tasklet{{.*}}[modsafe-sleep-in-callback]
	msleep(1);
}
static DECLARE_TASKLET(demo_declared, demo_declared_fn);

static void demo_rcu_free(struct rcu_head *head)
{
	struct demo *d = container_of(head, struct demo, rcu);

	// CHECK-DAG: [[@LINE+1]]:2: warning: 'mutex_lock' may sleep, but 'demo_rcu_free' is an RCU callback, run in softirq context{{.*}}[modsafe-sleep-in-callback]
	mutex_lock(&mtx);
	mutex_unlock(&mtx);
	kfree(d);
}

/* Work items run in process context: sleeping is fine. */
static void demo_work_fn(struct work_struct *w)
{
	msleep(100);
}

/* A timer callback that only does atomic work. */
static void demo_quiet_timer_fn(struct timer_list *t)
{
	struct demo *d = from_timer(d, t, timer);

	d->buf = kzalloc(8, GFP_ATOMIC);
	schedule_work(&d->work);
	mod_timer(&d->timer, jiffies + HZ);
}

int demo_setup(struct demo *d, struct device *dev, int irq)
{
	int ret;

	timer_setup(&d->timer, demo_timer_fn, 0);
	timer_setup(&d->timer, demo_quiet_timer_fn, 0);
	hrtimer_init(&d->hr, CLOCK_MONOTONIC, HRTIMER_MODE_REL);
	d->hr.function = demo_hr_fn;
	tasklet_setup(&d->tl, demo_tasklet_fn);
	INIT_WORK(&d->work, demo_work_fn);
	call_rcu(&d->rcu, demo_rcu_free);
	ret = request_irq(irq, demo_isr, 0, "demo", d);
	if (ret)
		return ret;
	ret = request_threaded_irq(irq, demo_hard, demo_thread, 0, "demo", d);
	if (ret)
		return ret;
	return devm_request_irq(dev, irq, demo_devm_isr, 0, "demo", d);
}

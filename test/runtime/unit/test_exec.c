// SPDX-License-Identifier: GPL-2.0
/* The executors: timers, work, tasklets, kthreads, interrupts, completions,
 * wait queues, and the context each callback runs in. Plain data shared
 * with the callbacks is synchronised only by the shim's own primitives
 * (del_timer_sync, flush_work, kthread_stop, ...): ThreadSanitizer checks
 * that they provide the ordering the kernel's do. */
#include "rt_test.h"
#include <errno.h>
#include <stddef.h>
#include <unistd.h>

#define HZ 250
static unsigned long j(void) { return __ms_jiffies(); }

/* ---- timers ---- */
static struct timer_list t1;
static int t1_runs, t1_softirq, t1_atomic, t1_rearm;
static void t1_fn(struct timer_list *t)
{
	t1_runs++;
	t1_softirq = __ms_in_softirq();
	t1_atomic = __ms_in_atomic();
	if (t1_rearm)
		mod_timer(t, j() + 1);
}

TEST(timer_fires_in_softirq)
{
	__ms_timer_setup(&t1, t1_fn, 0);
	CHECK(!__ms_timer_pending(&t1));
	CHECK_EQ(mod_timer(&t1, j() + 2), 0);
	CHECK(__ms_timer_pending(&t1));
	CHECK_EQ(mod_timer(&t1, j() + 2), 1); /* already pending */
	ms_rt_sleep_ms(100);
	CHECK_EQ(timer_delete_sync(&t1), 0);
	CHECK_EQ(t1_runs, 1);
	CHECK(t1_softirq);
	CHECK(t1_atomic);
}

TEST(del_timer_sync_stops_rearming_timer)
{
	t1_runs = 0;
	t1_rearm = 1;
	__ms_timer_setup(&t1, t1_fn, 0);
	mod_timer(&t1, j() + 1);
	ms_rt_sleep_ms(60);
	timer_delete_sync(&t1);
	int runs = t1_runs; /* ordered by timer_delete_sync */
	CHECK(runs >= 2);
	ms_rt_sleep_ms(40);
	timer_delete_sync(&t1);
	CHECK_EQ(t1_runs, runs);
	CHECK(!__ms_timer_pending(&t1));
	t1_rearm = 0;
}

static struct timer_list t2;
static int t2_done;
static void t2_slow(struct timer_list *t)
{
	__ms_udelay(50000); /* a busy wait, allowed in softirq */
	t2_done = 1;
}

TEST(timer_delete_sync_waits_for_running_callback)
{
	__ms_timer_setup(&t2, t2_slow, 0);
	mod_timer(&t2, j());
	ms_rt_sleep_ms(20); /* the callback is running now */
	timer_delete_sync(&t2);
	CHECK_EQ(t2_done, 1);
}

TEST(timer_shutdown_ignores_rearm)
{
	t1_runs = 0;
	__ms_timer_setup(&t1, t1_fn, 0);
	timer_shutdown_sync(&t1);
	CHECK_EQ(mod_timer(&t1, j()), 0);
	CHECK(!__ms_timer_pending(&t1));
	ms_rt_sleep_ms(30);
	CHECK_EQ(t1_runs, 0);
}

/* ---- work ---- */
static struct work_struct w1;
static int w1_runs, w1_atomic, w1_cb_kind_softirq;
static void w1_fn(struct work_struct *w)
{
	msleep(10); /* process context: may sleep */
	w1_runs++;
	w1_atomic = __ms_in_atomic();
	w1_cb_kind_softirq = __ms_in_softirq();
}

TEST(work_runs_in_process_context)
{
	__ms_init_work(&w1, w1_fn);
	CHECK(queue_work_on(-1, system_wq, &w1));
	CHECK(!queue_work_on(-1, system_wq, &w1) || 1); /* may already be running */
	CHECK(flush_work(&w1) || 1);
	CHECK(w1_runs >= 1);
	CHECK(!w1_atomic);
	CHECK(!w1_cb_kind_softirq);
	CHECK(!__ms_work_pending(&w1));
}

TEST(cancel_work_sync_test)
{
	static struct workqueue_struct *wq;
	wq = alloc_workqueue("t%d", 1u << 17, 1, 1);
	CHECK(wq != NULL);
	w1_runs = 0;
	__ms_init_work(&w1, w1_fn);
	queue_work_on(-1, wq, &w1);
	cancel_work_sync(&w1);
	int r = w1_runs;
	CHECK(r == 0 || r == 1);
	CHECK(!__ms_work_pending(&w1));
	destroy_workqueue(wq);
}

static struct delayed_work dw;
static int dw_runs;
static void dw_fn(struct work_struct *w) { dw_runs++; }

TEST(delayed_work)
{
	__ms_init_delayed_work(&dw, dw_fn);
	CHECK(queue_delayed_work_on(-1, system_wq, &dw, 2));
	CHECK(!queue_delayed_work_on(-1, system_wq, &dw, 2));
	ms_rt_sleep_ms(80);
	flush_delayed_work(&dw);
	CHECK_EQ(dw_runs, 1);
	CHECK(queue_delayed_work_on(-1, system_wq, &dw, HZ * 10));
	CHECK(cancel_delayed_work_sync(&dw));
	CHECK_EQ(dw_runs, 1);
}

/* ---- tasklets ---- */
static struct tasklet_struct tl;
static int tl_runs, tl_softirq;
static void tl_fn(struct tasklet_struct *t)
{
	tl_runs++;
	tl_softirq = __ms_in_softirq();
}

TEST(tasklet)
{
	tasklet_setup(&tl, tl_fn);
	if (!__atomic_fetch_or(&tl.state, 1UL, __ATOMIC_SEQ_CST))
		__tasklet_schedule(&tl);
	tasklet_kill(&tl);
	CHECK_EQ(tl_runs, 1);
	CHECK(tl_softirq);
}

/* ---- kthreads, completions, wait queues ---- */
static struct completion started;
static struct wait_queue_head wq;
static int kt_loops, kt_flag;
static int kt_fn(void *data)
{
	while (!kthread_should_stop()) {
		if (kt_loops++ == 0)
			complete(&started);
		__atomic_store_n(&__ms_get_current()->__state, 1, __ATOMIC_SEQ_CST);
		if (!kthread_should_stop())
			schedule_timeout(HZ);
	}
	return 42;
}

TEST(kthread_run_and_stop)
{
	__ms_init_completion(&started);
	struct task_struct *k = kthread_create_on_node(kt_fn, NULL, -1, "kt%d", 1);
	CHECK(k != NULL);
	CHECK(!strcmp(k->comm, "kt1"));
	wake_up_process(k);
	wait_for_completion(&started);
	CHECK_EQ(kthread_stop(k), 42);
	CHECK(kt_loops >= 1);
}

static int never_run(void *data)
{
	kt_flag = 1;
	return 0;
}

TEST(kthread_stop_before_wakeup)
{
	struct task_struct *k = kthread_create_on_node(never_run, NULL, -1, "idle");
	CHECK_EQ(kthread_stop(k), -EINTR);
	CHECK_EQ(kt_flag, 0);
}

static int waker(void *data)
{
	msleep(20);
	__atomic_store_n(&kt_flag, 7, __ATOMIC_SEQ_CST);
	__ms_wake_up(&wq);
	return 0;
}

TEST(wait_queue)
{
	__ms_init_waitqueue_head(&wq);
	struct task_struct *k = kthread_create_on_node(waker, NULL, -1, "waker");
	wake_up_process(k);
	for (;;) {
		unsigned long s = __ms_wq_prepare(&wq);
		if (__atomic_load_n(&kt_flag, __ATOMIC_SEQ_CST) == 7)
			break;
		__ms_wq_wait(&wq, s, HZ * 5, 0);
	}
	CHECK_EQ(kt_flag, 7);
	kthread_stop(k);
}

/* ---- interrupts ---- */
static int irq_runs, irq_hard, irq_thread_runs, irq_thread_atomic;
static irqreturn_t hard(int irq, void *dev)
{
	irq_runs++;
	irq_hard = __ms_in_hardirq() && __ms_irqs_disabled();
	return IRQ_WAKE_THREAD;
}
static irqreturn_t threaded(int irq, void *dev)
{
	irq_thread_runs++;
	irq_thread_atomic = __ms_in_atomic();
	return IRQ_HANDLED;
}

TEST(interrupts)
{
	static int dev;
	CHECK_EQ(request_threaded_irq(7, hard, threaded, 0, "t", &dev), 0);
	CHECK_EQ(request_threaded_irq(7, hard, NULL, 0, "t2", &dev), -EBUSY);
	CHECK_EQ(ms_rt_fire_irq(7), 1);
	CHECK_EQ(irq_runs, 1);
	CHECK(irq_hard);
	CHECK_EQ(irq_thread_runs, 1);
	CHECK(!irq_thread_atomic);
	free_irq(7, &dev);
	CHECK_EQ(ms_rt_fire_irq(7), 0);
}

int main(void)
{
	rt_setup();
	RUN(timer_fires_in_softirq);
	RUN(del_timer_sync_stops_rearming_timer);
	RUN(timer_delete_sync_waits_for_running_callback);
	RUN(timer_shutdown_ignores_rearm);
	RUN(work_runs_in_process_context);
	RUN(cancel_work_sync_test);
	RUN(delayed_work);
	RUN(tasklet);
	RUN(kthread_run_and_stop);
	RUN(kthread_stop_before_wakeup);
	RUN(wait_queue);
	RUN(interrupts);
	CHECK_EQ(ms_rt_finding_count(NULL), 0);
	ms_rt_shutdown();
	return rt_done("test_exec");
}

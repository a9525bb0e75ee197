// SPDX-License-Identifier: GPL-2.0
/* Atomic-context tracking: which contexts make a sleeping call a finding. */
#include "rt_test.h"
#include <errno.h>

#define GFP_KERNEL 0xcc0u
#define GFP_ATOMIC 0xa20u

static raw_spinlock_t lock = {0, 0, "lock"};
static rwlock_t rw = {0, 0, "rw"};
static struct mutex mtx = {.ms_name = "mtx"};

TEST(process_context_may_sleep)
{
	int before = ms_rt_finding_count(NULL);
	msleep(1);
	mutex_lock(&mtx);
	mutex_unlock(&mtx);
	kfree(__ms_kmalloc(16, GFP_KERNEL, 0));
	CHECK(!__ms_in_atomic());
	CHECK_EQ(ms_rt_finding_count(NULL), before);
}

TEST(spinlock_region)
{
	__ms_spin_lock(&lock, 0);
	CHECK(__ms_in_atomic());
	kfree(__ms_kmalloc(16, GFP_ATOMIC, 0)); /* fine */
	CHECK_EQ(ms_rt_finding_count("sleep-in-atomic"), 0);
	kfree(__ms_kmalloc(16, GFP_KERNEL, 0)); /* may sleep */
	__ms_spin_unlock(&lock, 0);
	CHECK(!__ms_in_atomic());
	CHECK_EQ(ms_rt_finding_count("sleep-in-atomic"), 1);
}

TEST(irqsave_rwlock_rcu_preempt)
{
	unsigned long f = __ms_spin_lock_irqsave(&lock);
	CHECK(__ms_irqs_disabled());
	__ms_spin_unlock_irqrestore(&lock, f);
	CHECK(!__ms_irqs_disabled());
	__ms_read_lock(&rw, 0);
	__ms_read_lock(&rw, 0); /* readers share */
	__ms_read_unlock(&rw, 0);
	__ms_read_unlock(&rw, 0);
	__ms_write_lock(&rw, 1);
	CHECK(__ms_in_softirq()); /* _bh */
	__ms_write_unlock(&rw, 1);
	int before = ms_rt_finding_count("sleep-in-atomic");
	__ms_rcu_read_lock(0);
	msleep(1); /* sleeping in an RCU read-side section */
	__ms_rcu_read_unlock(0);
	__ms_preempt_disable();
	schedule_timeout_uninterruptible(1);
	__ms_preempt_enable();
	CHECK_EQ(ms_rt_finding_count("sleep-in-atomic"), before + 2);
	CHECK(!__ms_in_atomic());
}

static irqreturn_t sleepy_irq(int irq, void *dev)
{
	msleep(1); /* a hard-irq handler must never sleep */
	return IRQ_HANDLED;
}

TEST(sleep_in_irq_handler)
{
	static int dev;
	request_threaded_irq(9, sleepy_irq, NULL, 0, "sleepy", &dev);
	ms_rt_fire_irq(9);
	free_irq(9, &dev);
	CHECK_EQ(ms_rt_finding_count("sleep-in-callback"), 1);
}

static struct timer_list tm;
static struct completion done;
static void sleepy_timer(struct timer_list *t)
{
	mutex_lock(&mtx);
	mutex_unlock(&mtx);
	complete(&done);
}

TEST(sleep_in_timer)
{
	__ms_init_completion(&done);
	__ms_timer_setup(&tm, sleepy_timer, 0);
	mod_timer(&tm, __ms_jiffies());
	wait_for_completion(&done);
	timer_delete_sync(&tm);
	CHECK_EQ(ms_rt_finding_count("sleep-in-callback"), 2);
}

int main(void)
{
	rt_setup();
	RUN(process_context_may_sleep);
	RUN(spinlock_region);
	RUN(irqsave_rwlock_rcu_preempt);
	RUN(sleep_in_irq_handler);
	RUN(sleep_in_timer);
	ms_rt_shutdown();
	return rt_done("test_atomic");
}

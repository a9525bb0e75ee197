// SPDX-License-Identifier: GPL-2.0
/* RCU on liburcu: synchronize_rcu waits for readers, call_rcu runs after a
 * grace period in softirq context, rcu_barrier waits for callbacks. */
#include "rt_test.h"
#include <pthread.h>
#include <stddef.h>
#include <unistd.h>

struct obj { int v; struct callback_head rh; };
static struct obj *gp;
static int in_reader, reader_go;
static int reader_saw;

static void *reader(void *a)
{
	ms_rt_thread_enter("reader");
	__ms_rcu_read_lock(0);
	struct obj *o = __atomic_load_n(&gp, __ATOMIC_ACQUIRE);
	__atomic_store_n(&in_reader, 1, __ATOMIC_SEQ_CST);
	while (!__atomic_load_n(&reader_go, __ATOMIC_SEQ_CST))
		usleep(1000);
	reader_saw = o ? o->v : -1; /* still valid: the updater waits for us */
	__ms_rcu_read_unlock(0);
	return NULL;
}

static void *releaser(void *a)
{
	usleep(30000);
	__atomic_store_n(&reader_go, 1, __ATOMIC_SEQ_CST);
	return NULL;
}

TEST(synchronize_waits_for_readers)
{
	struct obj *o = calloc(1, sizeof(*o));
	o->v = 5;
	__atomic_store_n(&gp, o, __ATOMIC_RELEASE);
	pthread_t r, rel;
	pthread_create(&r, NULL, reader, NULL);
	while (!__atomic_load_n(&in_reader, __ATOMIC_SEQ_CST))
		usleep(1000);
	__atomic_store_n(&gp, NULL, __ATOMIC_RELEASE);
	pthread_create(&rel, NULL, releaser, NULL);
	synchronize_rcu();
	CHECK(__atomic_load_n(&reader_go, __ATOMIC_SEQ_CST));
	free(o); /* no reader can still hold it */
	pthread_join(r, NULL);
	pthread_join(rel, NULL);
	CHECK_EQ(reader_saw, 5);
}

static int cb_runs, cb_softirq;
static void cb(struct callback_head *h)
{
	struct obj *o = (struct obj *)((char *)h - offsetof(struct obj, rh));
	cb_runs += o->v;
	cb_softirq = __ms_in_softirq();
	free(o);
}

TEST(call_rcu_and_barrier)
{
	for (int i = 0; i < 10; i++) {
		struct obj *o = calloc(1, sizeof(*o));
		o->v = 1;
		call_rcu(&o->rh, cb);
	}
	rcu_barrier();
	CHECK_EQ(cb_runs, 10);
	CHECK(cb_softirq);
}

int main(void)
{
	rt_setup();
	RUN(synchronize_waits_for_readers);
	RUN(call_rcu_and_barrier);
	CHECK_EQ(ms_rt_finding_count(NULL), 0);
	ms_rt_shutdown();
	return rt_done("test_rcu");
}

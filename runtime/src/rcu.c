// SPDX-License-Identifier: GPL-2.0
/*
 * RCU: read-side sections on liburcu (and counted as atomic regions of the
 * calling thread), synchronize_rcu, call_rcu callbacks run by a thread of
 * the runtime after a grace period (softirq context, as in the kernel),
 * rcu_barrier. rcu_assign_pointer/RCU_INIT_POINTER report what they
 * replace: an exit that unpublishes a pointer into its module and then
 * frees or returns without a grace period is a missing-quiescence.
 */
#include "internal.h"

#include <errno.h>

void ms_urcu_read_lock(void);
void ms_urcu_read_unlock(void);
void ms_urcu_synchronize(void);
void ms_quiescence_on_free(struct ms_mod *r, uintptr_t pc);

struct rnode { struct callback_head *head; void (*func)(struct callback_head *); uintptr_t pc; unsigned long seq;
	void *kfree_obj; };
static pthread_mutex_t rcu_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t rcu_cond = PTHREAD_COND_INITIALIZER, rcu_done = PTHREAD_COND_INITIALIZER;
static struct rnode *rq;
static int nrq, caprq;
static unsigned long seq_queued, seq_done;
static pthread_t rcu_thread;
static int rcu_started, rcu_stop;

void __ms_rcu_read_lock(int kind)
{
	(void)kind;
	ms_region_enter(MS_R_RCU, MS_RET_PC(), NULL);
	ms_urcu_read_lock();
}

void __ms_rcu_read_unlock(int kind)
{
	(void)kind;
	ms_urcu_read_unlock();
	ms_region_leave(MS_R_RCU, NULL);
}

void ms_quiesce_note_grace_period(void)
{
	for (int i = 0; i < ms_mod_count(); i++)
		MS_STORE(&ms_mod_at(i)->unpublish_pending, 0);
}

static void sync_at(const char *what, uintptr_t pc)
{
	ms_check_sleep(what, pc);
	ms_urcu_synchronize();
	ms_quiesce_note_grace_period();
}

void synchronize_rcu(void) { sync_at("synchronize_rcu", MS_RET_PC()); }
void synchronize_rcu_expedited(void) { sync_at("synchronize_rcu_expedited", MS_RET_PC()); }
void synchronize_net(void) { sync_at("synchronize_net", MS_RET_PC()); }

static void run_cb(void *a)
{
	struct rnode *n = a;
	n->func(n->head);
}

static void *rcu_main(void *arg)
{
	(void)arg;
	ms_thread_init("rcu callbacks");
	pthread_mutex_lock(&rcu_lock);
	while (!rcu_stop || nrq) {
		if (!nrq) {
			pthread_cond_wait(&rcu_cond, &rcu_lock);
			continue;
		}
		/* Like the kernel, batch callbacks and never run them right away: a
		 * grace period takes a few jiffies (here 5: 20ms of scaled time). */
		pthread_mutex_unlock(&rcu_lock);
		ms_sleep_virt_ns(20000000ull);
		pthread_mutex_lock(&rcu_lock);
		struct rnode *batch = rq;
		int n = nrq;
		rq = NULL;
		nrq = caprq = 0;
		pthread_mutex_unlock(&rcu_lock);
		ms_urcu_synchronize();
		for (int i = 0; i < n; i++) {
			struct rnode *x = &batch[i];
			if (x->kfree_obj) {
				free(x->kfree_obj);
				continue;
			}
			if (ms_freed_mod_of((uintptr_t)x->func) || ms_freed_mod_of((uintptr_t)x->head)) {
				ms_deferred_after_free("RCU callback", x->head, (uintptr_t)x->func, x->pc, 0, 0);
				continue;
			}
			ms_t.softirq = 1;
			ms_t.cb = MS_CB_RCU;
			ms_t.cb_obj = x->head;
			ms_t.cb_fn = (uintptr_t)x->func;
			ms_t.cb_site = x->pc;
			ms_t.cb_site2 = 0;
			if (ms_guarded_call(run_cb, x))
				ms_deferred_after_free("RCU callback", x->head, (uintptr_t)x->func, x->pc, 0, 1);
			ms_t.softirq = 0;
			ms_t.cb = MS_CB_NONE;
			ms_t.preempt = ms_t.irqoff = ms_t.bhoff = ms_t.rcu = 0;
			ms_t.nreg = 0;
		}
		unsigned long last = n ? batch[n - 1].seq : 0;
		free(batch);
		pthread_mutex_lock(&rcu_lock);
		if (last > seq_done)
			seq_done = last;
		pthread_cond_broadcast(&rcu_done);
	}
	pthread_mutex_unlock(&rcu_lock);
	return NULL;
}

void ms_rcu_init(void)
{
	pthread_mutex_lock(&rcu_lock);
	if (!rcu_started && pthread_create(&rcu_thread, NULL, rcu_main, NULL) == 0)
		rcu_started = 1;
	pthread_mutex_unlock(&rcu_lock);
}

void ms_rcu_shutdown(void)
{
	pthread_mutex_lock(&rcu_lock);
	int s = rcu_started;
	rcu_stop = 1;
	rcu_started = 0;
	pthread_cond_broadcast(&rcu_cond);
	pthread_mutex_unlock(&rcu_lock);
	if (s)
		pthread_join(rcu_thread, NULL);
}

static void enqueue(struct callback_head *head, void (*func)(struct callback_head *), uintptr_t pc, void *obj)
{
	ms_rt_ensure();
	pthread_mutex_lock(&rcu_lock);
	if (nrq == caprq) {
		caprq = caprq ? caprq * 2 : 16;
		rq = realloc(rq, (size_t)caprq * sizeof(*rq));
		if (!rq)
			abort();
	}
	rq[nrq++] = (struct rnode){head, func, pc, ++seq_queued, obj};
	pthread_cond_broadcast(&rcu_cond);
	pthread_mutex_unlock(&rcu_lock);
}

void call_rcu(struct callback_head *head, void (*func)(struct callback_head *head))
{
	head->func = func;
	enqueue(head, func, MS_RET_PC(), NULL);
}

void __ms_kfree_rcu(void *obj, struct callback_head *head)
{
	(void)head;
	if (obj)
		enqueue(head, NULL, MS_RET_PC(), obj);
}

void rcu_barrier(void)
{
	ms_check_sleep("rcu_barrier", MS_RET_PC());
	pthread_mutex_lock(&rcu_lock);
	unsigned long want = seq_queued;
	while (seq_done < want && rcu_started)
		pthread_cond_wait(&rcu_done, &rcu_lock);
	pthread_mutex_unlock(&rcu_lock);
	ms_quiesce_note_grace_period();
}

void ms_rcu_scan(struct ms_mod *r, const char *check)
{
	struct rnode hits[16];
	int nh = 0;
	pthread_mutex_lock(&rcu_lock);
	for (int i = 0; i < nrq && nh < 16; i++)
		if (rq[i].func && (ms_addr_in_text(r, (uintptr_t)rq[i].func) || ms_addr_in_mod(r, (uintptr_t)rq[i].head)))
			hits[nh++] = rq[i];
	pthread_mutex_unlock(&rcu_lock);
	for (int i = 0; i < nh; i++) {
		char fname[256] = "", file[512];
		int line, col;
		ms_symbolize((uintptr_t)hits[i].func, 0, file, sizeof(file), &line, &col, fname, sizeof(fname));
		struct ms_finding *f = ms_f_new(check, r, hits[i].pc, 1,
			"RCU callback '%s' queued here with call_rcu() has not run when module '%s' is freed: "
			"nothing waited for it (rcu_barrier()) (Stern, Owens)", fname[0] ? fname : "?", r->name);
		ms_f_key(f, hits[i].pc, (uintptr_t)hits[i].head);
		ms_f_commit(f);
	}
}

/* rcu_assign_pointer()/RCU_INIT_POINTER(): what is being replaced? */
void __ms_rcu_note_assign(void *pp, const void *newval, int init)
{
	(void)init;
	uintptr_t pc = MS_RET_PC();
	uintptr_t old = (uintptr_t)__atomic_load_n((void **)pp, __ATOMIC_RELAXED);
	if (!old)
		return;
	struct ms_mod *r = ms_mod_by_text(old);
	if (!r || ms_addr_in_text(r, (uintptr_t)newval))
		return;
	int st = MS_LOAD(&r->state);
	if (st != MODULE_STATE_GOING && !(ms_t.initing == r))
		return;
	char name[128] = "", file[512];
	int line, col;
	ms_symbolize_data((uintptr_t)pp, file, sizeof(file), &line, &col, name, sizeof(name));
	snprintf(r->unpublish_what, sizeof(r->unpublish_what), "%s", name[0] ? name : "an RCU-published pointer");
	r->unpublish_pc = pc;
	MS_STORE(&r->unpublish_pending, 1);
}

void ms_kfree_note(uintptr_t pc);
void ms_kfree_note(uintptr_t pc)
{
	struct ms_mod *r = ms_t.unloading;
	if (r && MS_LOAD(&r->unpublish_pending))
		ms_quiescence_on_free(r, pc);
}

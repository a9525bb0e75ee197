// SPDX-License-Identifier: GPL-2.0
/*
 * Timers and tasklets: each has a thread of the runtime that runs the
 * callbacks in softirq context. The pending set lives in the runtime's own
 * memory (never in the module's), so that when a module is freed with a
 * timer still armed the runtime can say so (as DEBUG_OBJECTS_TIMERS does
 * when the memory of an active timer is freed) and, when it would fire,
 * that it fires into freed memory.
 */
#include "internal.h"

#include <errno.h>

struct tnode {
	struct timer_list *t;
	unsigned long expires;
	void (*fn)(struct timer_list *);
	uintptr_t setup_pc, arm_pc;
};

static pthread_mutex_t tb_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t tb_cond = PTHREAD_COND_INITIALIZER;
static pthread_cond_t tb_done = PTHREAD_COND_INITIALIZER;
static struct tnode *pend;
static int npend, cappend;
static struct timer_list *running;
static int running_tid;
static pthread_t timer_thread;
static int timer_started, timer_stop;


static int find(struct timer_list *t)
{
	for (int i = 0; i < npend; i++)
		if (pend[i].t == t)
			return i;
	return -1;
}

static void remove_at(int i)
{
	pend[i] = pend[--npend];
}

/* Everything that touches the timer_list (module memory, maybe being
 * freed right now) happens inside the guarded call. */
static void run_timer(void *a)
{
	struct tnode *n = a;
	__atomic_store_n(&n->t->ms_pending, 0, __ATOMIC_RELAXED);
	void (*fn)(struct timer_list *) = n->t->function;
	if (!fn)
		return;
	n->fn = fn;
	ms_t.cb = fn == delayed_work_timer_fn ? MS_CB_NONE : MS_CB_TIMER;
	ms_t.cb_fn = (uintptr_t)fn;
	fn(n->t);
}

static void *timer_main(void *arg)
{
	(void)arg;
	ms_thread_init("timer softirq");
	running_tid = ms_gettid();
	pthread_mutex_lock(&tb_lock);
	while (!timer_stop) {
		int best = -1;
		for (int i = 0; i < npend; i++)
			if (best < 0 || (long)(pend[i].expires - pend[best].expires) < 0)
				best = i;
		if (best < 0) {
			pthread_cond_wait(&tb_cond, &tb_lock);
			continue;
		}
		unsigned long now = __ms_jiffies();
		if ((long)(pend[best].expires - now) > 0) {
			ms_cond_wait_virt(&tb_cond, &tb_lock, ms_virt_ns() + ms_jiffies_to_ns((long)(pend[best].expires - now)));
			continue;
		}
		struct tnode n = pend[best];
		remove_at(best);
		const char *kind = n.fn == delayed_work_timer_fn ? "delayed work" : "timer";
		if (ms_freed_mod_of((uintptr_t)n.t)) {
			/* the timer_list itself is in freed module memory */
			pthread_mutex_unlock(&tb_lock);
			ms_deferred_after_free(kind, n.t, (uintptr_t)n.fn, n.setup_pc, n.arm_pc, 0);
			pthread_mutex_lock(&tb_lock);
			continue;
		}
		running = n.t;
		pthread_mutex_unlock(&tb_lock);
		ms_t.softirq = 1;
		ms_t.cb = n.fn == delayed_work_timer_fn ? MS_CB_NONE : MS_CB_TIMER;
		ms_t.cb_obj = n.t;
		ms_t.cb_fn = (uintptr_t)n.fn;
		ms_t.cb_site = n.setup_pc;
		ms_t.cb_site2 = n.arm_pc;
		if (ms_guarded_call(run_timer, &n))
			ms_deferred_after_free(kind, n.t, (uintptr_t)n.fn, n.setup_pc, n.arm_pc, 1);
		ms_t.softirq = 0;
		ms_t.cb = MS_CB_NONE;
		ms_t.preempt = ms_t.irqoff = ms_t.bhoff = ms_t.rcu = 0;
		ms_t.nreg = 0;
		pthread_mutex_lock(&tb_lock);
		running = NULL;
		pthread_cond_broadcast(&tb_done);
	}
	pthread_mutex_unlock(&tb_lock);
	return NULL;
}

void ms_timer_init(void)
{
	pthread_mutex_lock(&tb_lock);
	if (!timer_started && pthread_create(&timer_thread, NULL, timer_main, NULL) == 0)
		timer_started = 1;
	pthread_mutex_unlock(&tb_lock);
}

void ms_timer_shutdown(void)
{
	pthread_mutex_lock(&tb_lock);
	int started = timer_started;
	timer_stop = 1;
	timer_started = 0;
	pthread_cond_broadcast(&tb_cond);
	pthread_mutex_unlock(&tb_lock);
	if (started)
		pthread_join(timer_thread, NULL);
	pthread_mutex_lock(&tb_lock);
	free(pend);
	pend = NULL;
	npend = cappend = 0;
	pthread_mutex_unlock(&tb_lock);
}

void __ms_timer_setup(struct timer_list *timer, void (*func)(struct timer_list *), unsigned int flags)
{
	uintptr_t pc = MS_RET_PC();
	pthread_mutex_lock(&tb_lock);
	int i = find(timer);
	if (i >= 0)
		remove_at(i); /* re-initialising an active timer */
	pthread_mutex_unlock(&tb_lock);
	timer->entry.next = NULL;
	timer->entry.pprev = NULL;
	timer->function = func;
	timer->flags = flags;
	timer->ms_pending = 0;
	timer->ms_shutdown = 0;
	timer->ms_setup_pc = pc;
}

static int arm(struct timer_list *t, unsigned long expires, uintptr_t pc, int reduce)
{
	ms_rt_ensure();
	pthread_mutex_lock(&tb_lock);
	if (t->ms_shutdown) {
		pthread_mutex_unlock(&tb_lock);
		return 0;
	}
	int i = find(t), was = i >= 0;
	if (i < 0) {
		if (npend == cappend) {
			cappend = cappend ? cappend * 2 : 32;
			pend = realloc(pend, (size_t)cappend * sizeof(*pend));
			if (!pend)
				abort();
		}
		i = npend++;
		pend[i].t = t;
		pend[i].expires = expires;
	} else if (!reduce || (long)(expires - pend[i].expires) < 0)
		pend[i].expires = expires;
	pend[i].fn = t->function;
	pend[i].setup_pc = t->ms_setup_pc;
	pend[i].arm_pc = pc;
	t->expires = pend[i].expires;
	__atomic_store_n(&t->ms_pending, 1, __ATOMIC_RELAXED);
	pthread_cond_broadcast(&tb_cond);
	pthread_mutex_unlock(&tb_lock);
	return was;
}

void ms_timer_arm_internal(struct timer_list *t, unsigned long expires, uintptr_t pc) { arm(t, expires, pc, 0); }

int mod_timer(struct timer_list *timer, unsigned long expires) { return arm(timer, expires, MS_RET_PC(), 0); }
void add_timer(struct timer_list *timer) { arm(timer, timer->expires, MS_RET_PC(), 0); }
int timer_reduce(struct timer_list *timer, unsigned long expires) { return arm(timer, expires, MS_RET_PC(), 1); }

int ms_timer_del_internal(struct timer_list *t, int sync, uintptr_t pc)
{
	(void)pc;
	pthread_mutex_lock(&tb_lock);
	/* timer_delete_sync(): wait for a running callback first, then detach
	 * (so that a callback that re-armed itself is stopped, as in the kernel) */
	if (sync)
		while (running == t && running_tid != ms_gettid())
			pthread_cond_wait(&tb_done, &tb_lock);
	int i = find(t), was = i >= 0;
	if (was)
		remove_at(i);
	if (!ms_freed_mod_of((uintptr_t)t))
		__atomic_store_n(&t->ms_pending, 0, __ATOMIC_RELAXED);
	pthread_mutex_unlock(&tb_lock);
	return was;
}

int __ms_timer_delete(struct timer_list *timer) { return ms_timer_del_internal(timer, 0, MS_RET_PC()); }
int timer_delete_sync(struct timer_list *timer) { return ms_timer_del_internal(timer, 1, MS_RET_PC()); }
int try_to_del_timer_sync(struct timer_list *timer)
{
	pthread_mutex_lock(&tb_lock);
	int busy = running == timer;
	pthread_mutex_unlock(&tb_lock);
	if (busy)
		return -1;
	return ms_timer_del_internal(timer, 0, MS_RET_PC());
}
int timer_shutdown(struct timer_list *timer)
{
	pthread_mutex_lock(&tb_lock);
	timer->ms_shutdown = 1;
	pthread_mutex_unlock(&tb_lock);
	return ms_timer_del_internal(timer, 0, MS_RET_PC());
}
int timer_shutdown_sync(struct timer_list *timer)
{
	pthread_mutex_lock(&tb_lock);
	timer->ms_shutdown = 1;
	pthread_mutex_unlock(&tb_lock);
	return ms_timer_del_internal(timer, 1, MS_RET_PC());
}
int __ms_timer_pending(const struct timer_list *timer) { return __atomic_load_n(&timer->ms_pending, __ATOMIC_RELAXED); }

void ms_timer_scan(struct ms_mod *r, const char *check)
{
	struct tnode hits[32];
	int nh = 0, run_hit = 0;
	pthread_mutex_lock(&tb_lock);
	for (int i = 0; i < npend && nh < 32; i++)
		if (ms_addr_in_mod(r, (uintptr_t)pend[i].t) || ms_addr_in_text(r, (uintptr_t)pend[i].fn))
			hits[nh++] = pend[i];
	run_hit = running && ms_addr_in_mod(r, (uintptr_t)running);
	pthread_mutex_unlock(&tb_lock);
	for (int i = 0; i < nh; i++) {
		struct tnode *n = &hits[i];
		int dw = n->fn == delayed_work_timer_fn;
		char tname[128] = "", fname[256] = "", file[512];
		int line, col;
		uintptr_t cbfn = (uintptr_t)n->fn;
		if (dw) {
			struct delayed_work *d = (struct delayed_work *)((char *)n->t - offsetof(struct delayed_work, timer));
			cbfn = (uintptr_t)d->work.func;
			ms_symbolize_data((uintptr_t)d, file, sizeof(file), &line, &col, tname, sizeof(tname));
		} else
			ms_symbolize_data((uintptr_t)n->t, file, sizeof(file), &line, &col, tname, sizeof(tname));
		ms_symbolize(cbfn, 0, file, sizeof(file), &line, &col, fname, sizeof(fname));
		int init = strcmp(check, "missing-teardown") != 0;
		struct ms_finding *f = ms_f_new(check, r, n->setup_pc ? n->setup_pc : cbfn, n->setup_pc != 0,
			"%s '%s' with callback '%s' into module '%s' is still pending when the module's memory is "
			"freed: %s (%s); when it fires it will run freed code (Stern, Owens)",
			dw ? "delayed work" : "timer", tname[0] ? tname : "?", fname[0] ? fname : "?", r->name,
			init ? "init failed without stopping it" : "nothing in the exit stopped it",
			dw ? "cancel_delayed_work_sync()" : "del_timer_sync()/timer_shutdown_sync()");
		if (n->arm_pc)
			ms_f_note(f, n->arm_pc, 1, "armed here");
		if (!init && r->exit)
			ms_f_note(f, (uintptr_t)r->exit, 0, "the module's exit function returns without stopping it");
		ms_f_key(f, n->setup_pc ? n->setup_pc : cbfn, (uintptr_t)n->t);
		ms_f_commit(f);
	}
	if (run_hit)
		ms_log("%s: a timer callback is running while the module is freed", r->name);
}

/* ------------------------------------------------------------------------
 * Tasklets
 */
struct tlnode { struct tasklet_struct *t; uintptr_t pc; };
struct tlsetup { struct tasklet_struct *t; uintptr_t pc; };
static pthread_mutex_t tl_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t tl_cond = PTHREAD_COND_INITIALIZER, tl_done = PTHREAD_COND_INITIALIZER;
static struct tlnode tlq[256];
static int ntlq;
static struct tlsetup tls[256];
static int ntls;
static struct tasklet_struct *tl_running;
static pthread_t tl_thread;
static int tl_started, tl_stop;

static uintptr_t setup_pc_of(struct tasklet_struct *t)
{
	for (int i = 0; i < ntls; i++)
		if (tls[i].t == t)
			return tls[i].pc;
	return 0;
}

static void note_setup(struct tasklet_struct *t, uintptr_t pc)
{
	pthread_mutex_lock(&tl_lock);
	int i;
	for (i = 0; i < ntls; i++)
		if (tls[i].t == t)
			break;
	if (i == ntls && ntls < 256)
		ntls++;
	if (i < 256)
		tls[i] = (struct tlsetup){t, pc};
	pthread_mutex_unlock(&tl_lock);
}

struct tlrun { struct tasklet_struct *t; int disabled; uintptr_t fn; };
static void run_tasklet(void *a)
{
	struct tlrun *x = a;
	struct tasklet_struct *t = x->t;
	if (__atomic_load_n(&t->count.counter, __ATOMIC_RELAXED)) {
		x->disabled = 1;
		return;
	}
	__atomic_fetch_or(&t->state, 2UL, __ATOMIC_SEQ_CST);  /* RUN */
	__atomic_fetch_and(&t->state, ~1UL, __ATOMIC_SEQ_CST); /* SCHED */
	x->fn = t->use_callback ? (uintptr_t)t->callback : (uintptr_t)t->func;
	ms_t.cb_fn = x->fn;
	if (t->use_callback)
		t->callback(t);
	else
		t->func(t->data);
	__atomic_fetch_and(&t->state, ~2UL, __ATOMIC_SEQ_CST);
}

static void *tasklet_main(void *arg)
{
	(void)arg;
	ms_thread_init("tasklet softirq");
	pthread_mutex_lock(&tl_lock);
	while (!tl_stop) {
		if (!ntlq) {
			pthread_cond_wait(&tl_cond, &tl_lock);
			continue;
		}
		struct tlnode n = tlq[0];
		memmove(tlq, tlq + 1, (size_t)(--ntlq) * sizeof(tlq[0]));
		uintptr_t setup = setup_pc_of(n.t);
		if (ms_freed_mod_of((uintptr_t)n.t)) {
			pthread_mutex_unlock(&tl_lock);
			ms_deferred_after_free("tasklet", n.t, 0, setup ? setup : n.pc, n.pc, 0);
			pthread_mutex_lock(&tl_lock);
			continue;
		}
		tl_running = n.t;
		pthread_mutex_unlock(&tl_lock);
		struct tlrun x = {n.t, 0, 0};
		ms_t.softirq = 1;
		ms_t.cb = MS_CB_TASKLET;
		ms_t.cb_obj = n.t;
		ms_t.cb_fn = 0;
		ms_t.cb_site = setup ? setup : n.pc;
		ms_t.cb_site2 = n.pc;
		if (ms_guarded_call(run_tasklet, &x))
			ms_deferred_after_free("tasklet", n.t, x.fn, setup ? setup : n.pc, n.pc, 1);
		ms_t.softirq = 0;
		ms_t.cb = MS_CB_NONE;
		ms_t.preempt = ms_t.irqoff = ms_t.bhoff = ms_t.rcu = 0;
		ms_t.nreg = 0;
		pthread_mutex_lock(&tl_lock);
		if (x.disabled) {
			/* disabled: try again later */
			tl_running = NULL;
			if (ntlq < 256)
				tlq[ntlq++] = n;
			pthread_cond_broadcast(&tl_done);
			pthread_mutex_unlock(&tl_lock);
			ms_sleep_virt_ns(1000000);
			pthread_mutex_lock(&tl_lock);
			continue;
		}
		tl_running = NULL;
		pthread_cond_broadcast(&tl_done);
	}
	pthread_mutex_unlock(&tl_lock);
	return NULL;
}

void ms_tasklet_init(void)
{
	pthread_mutex_lock(&tl_lock);
	if (!tl_started && pthread_create(&tl_thread, NULL, tasklet_main, NULL) == 0)
		tl_started = 1;
	pthread_mutex_unlock(&tl_lock);
}

void ms_tasklet_shutdown(void)
{
	pthread_mutex_lock(&tl_lock);
	int s = tl_started;
	tl_stop = 1;
	tl_started = 0;
	pthread_cond_broadcast(&tl_cond);
	pthread_mutex_unlock(&tl_lock);
	if (s)
		pthread_join(tl_thread, NULL);
}

void tasklet_init(struct tasklet_struct *t, void (*func)(unsigned long), unsigned long data)
{
	t->next = NULL;
	t->state = 0;
	t->count.counter = 0;
	t->use_callback = 0;
	t->func = func;
	t->data = data;
	note_setup(t, MS_RET_PC());
}

void tasklet_setup(struct tasklet_struct *t, void (*callback)(struct tasklet_struct *))
{
	t->next = NULL;
	t->state = 0;
	t->count.counter = 0;
	t->use_callback = 1;
	t->callback = callback;
	t->data = 0;
	note_setup(t, MS_RET_PC());
}

static void schedule_at(struct tasklet_struct *t, uintptr_t pc)
{
	ms_rt_ensure();
	pthread_mutex_lock(&tl_lock);
	int dup = 0;
	for (int i = 0; i < ntlq; i++)
		dup |= tlq[i].t == t;
	if (!dup && ntlq < 256)
		tlq[ntlq++] = (struct tlnode){t, pc};
	pthread_cond_broadcast(&tl_cond);
	pthread_mutex_unlock(&tl_lock);
}
void __tasklet_schedule(struct tasklet_struct *t) { schedule_at(t, MS_RET_PC()); }
void __tasklet_hi_schedule(struct tasklet_struct *t) { schedule_at(t, MS_RET_PC()); }

static int queued(struct tasklet_struct *t)
{
	for (int i = 0; i < ntlq; i++)
		if (tlq[i].t == t)
			return 1;
	return 0;
}

void tasklet_kill(struct tasklet_struct *t)
{
	ms_check_sleep("tasklet_kill", MS_RET_PC());
	pthread_mutex_lock(&tl_lock);
	while ((queued(t) && !__atomic_load_n(&t->count.counter, __ATOMIC_RELAXED)) || tl_running == t)
		pthread_cond_wait(&tl_done, &tl_lock);
	for (int i = 0; i < ntlq; i++)
		if (tlq[i].t == t) {
			memmove(&tlq[i], &tlq[i + 1], (size_t)(ntlq - i - 1) * sizeof(tlq[0]));
			ntlq--;
			i--;
		}
	__atomic_fetch_and(&t->state, ~1UL, __ATOMIC_SEQ_CST);
	pthread_mutex_unlock(&tl_lock);
}

void tasklet_disable_nosync(struct tasklet_struct *t) { __atomic_add_fetch(&t->count.counter, 1, __ATOMIC_SEQ_CST); }
void tasklet_disable(struct tasklet_struct *t)
{
	tasklet_disable_nosync(t);
	pthread_mutex_lock(&tl_lock);
	while (tl_running == t)
		pthread_cond_wait(&tl_done, &tl_lock);
	pthread_mutex_unlock(&tl_lock);
}
void tasklet_enable(struct tasklet_struct *t) { __atomic_sub_fetch(&t->count.counter, 1, __ATOMIC_SEQ_CST); }

void ms_tasklet_scan(struct ms_mod *r, const char *check)
{
	struct tlnode hits[16];
	uintptr_t setups[16];
	int nh = 0;
	pthread_mutex_lock(&tl_lock);
	for (int i = 0; i < ntlq && nh < 16; i++) {
		struct tasklet_struct *t = tlq[i].t;
		uintptr_t fn = t->use_callback ? (uintptr_t)t->callback : (uintptr_t)t->func;
		if (ms_addr_in_mod(r, (uintptr_t)t) || ms_addr_in_text(r, fn)) {
			setups[nh] = setup_pc_of(t);
			hits[nh++] = tlq[i];
		}
	}
	pthread_mutex_unlock(&tl_lock);
	for (int i = 0; i < nh; i++) {
		uintptr_t at = setups[i] ? setups[i] : hits[i].pc;
		struct ms_finding *f = ms_f_new(check, r, at, 1,
			"tasklet set up here is still scheduled when module '%s' is freed: nothing stopped it "
			"(tasklet_kill()) (Stern, Owens)", r->name);
		ms_f_note(f, hits[i].pc, 1, "scheduled here");
		ms_f_key(f, at, (uintptr_t)hits[i].t);
		ms_f_commit(f);
	}
}

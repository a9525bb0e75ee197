// SPDX-License-Identifier: GPL-2.0
/*
 * Workqueues: worker threads run work items in process context (they may
 * sleep). A delayed work is a timer whose function queues the work, as in
 * the kernel. The queue is in the runtime's memory, so a module freed with
 * work still queued or running is seen.
 */
#include "internal.h"

#include <errno.h>
#include <stdarg.h>

#define MAX_WORKERS 4
struct wnode { struct work_struct *w; work_func_t fn; uintptr_t setup_pc, queue_pc; };
struct workqueue_struct {
	char name[32];
	unsigned int flags;
	int nworkers;
	pthread_t thr[MAX_WORKERS];
	int tids[MAX_WORKERS];
	struct wnode *q;
	int nq, capq;
	struct wnode running[MAX_WORKERS];
	int stop;
	uintptr_t alloc_pc;
	struct workqueue_struct *next;
};

static pthread_mutex_t wq_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t wq_work = PTHREAD_COND_INITIALIZER, wq_done = PTHREAD_COND_INITIALIZER;
static struct workqueue_struct *all_wqs;

struct workqueue_struct *system_wq, *system_highpri_wq, *system_long_wq, *system_unbound_wq,
	*system_freezable_wq, *system_power_efficient_wq;

struct worker_arg { struct workqueue_struct *wq; int slot; };

/* The work_struct is module memory: touched only inside the guarded call. */
static void run_work(void *a)
{
	struct wnode *n = a;
	__atomic_fetch_and(&n->w->data.counter, ~1L, __ATOMIC_SEQ_CST);
	work_func_t fn = n->w->func;
	if (!fn)
		return;
	n->fn = fn;
	ms_t.cb_fn = (uintptr_t)fn;
	fn(n->w);
}

static void *worker_main(void *arg)
{
	struct worker_arg wa = *(struct worker_arg *)arg;
	free(arg);
	struct workqueue_struct *wq = wa.wq;
	char name[48];
	snprintf(name, sizeof(name), "kworker/%s:%d", wq->name, wa.slot);
	ms_thread_init(name);
	pthread_mutex_lock(&wq_lock);
	wq->tids[wa.slot] = ms_gettid();
	for (;;) {
		/* non-reentrant, as the kernel's workqueues: a work item running
		 * on another worker is left queued until that run is over */
		int pick = -1;
		for (int i = 0; i < wq->nq && pick < 0; i++) {
			int busy_elsewhere = 0;
			for (struct workqueue_struct *o = all_wqs; o && !busy_elsewhere; o = o->next)
				for (int k = 0; k < o->nworkers; k++)
					if (o->running[k].w == wq->q[i].w)
						busy_elsewhere = 1;
			if (!busy_elsewhere)
				pick = i;
		}
		if (pick < 0) {
			if (wq->stop && !wq->nq)
				break;
			pthread_cond_wait(&wq_work, &wq_lock);
			continue;
		}
		struct wnode n = wq->q[pick];
		memmove(&wq->q[pick], &wq->q[pick + 1], (size_t)(wq->nq - pick - 1) * sizeof(wq->q[0]));
		wq->nq--;
		if (ms_freed_mod_of((uintptr_t)n.w)) {
			pthread_mutex_unlock(&wq_lock);
			ms_deferred_after_free("work item", n.w, (uintptr_t)n.fn, n.setup_pc, n.queue_pc, 0);
			pthread_mutex_lock(&wq_lock);
			continue;
		}
		wq->running[wa.slot] = n;
		pthread_mutex_unlock(&wq_lock);
		ms_t.cb = MS_CB_WORK;
		ms_t.cb_obj = n.w;
		ms_t.cb_fn = (uintptr_t)n.fn;
		ms_t.cb_site = n.setup_pc;
		ms_t.cb_site2 = n.queue_pc;
		if (ms_guarded_call(run_work, &n))
			ms_deferred_after_free("work item", n.w, (uintptr_t)n.fn, n.setup_pc, n.queue_pc, 1);
		ms_t.cb = MS_CB_NONE;
		ms_t.preempt = ms_t.irqoff = ms_t.bhoff = ms_t.rcu = ms_t.softirq = 0;
		ms_t.nreg = 0;
		pthread_mutex_lock(&wq_lock);
		memset(&wq->running[wa.slot], 0, sizeof(wq->running[0]));
		pthread_cond_broadcast(&wq_done);
		pthread_cond_broadcast(&wq_work);
	}
	pthread_mutex_unlock(&wq_lock);
	return NULL;
}

static struct workqueue_struct *wq_create(const char *name, unsigned int flags, int max_active, uintptr_t pc)
{
	struct workqueue_struct *wq = ms_xcalloc(1, sizeof(*wq));
	snprintf(wq->name, sizeof(wq->name), "%s", name);
	wq->flags = flags;
	wq->nworkers = max_active == 1 ? 1 : 2;
	wq->alloc_pc = pc;
	pthread_mutex_lock(&wq_lock);
	wq->next = all_wqs;
	all_wqs = wq;
	for (int i = 0; i < wq->nworkers; i++) {
		struct worker_arg *a = ms_xmalloc(sizeof(*a));
		a->wq = wq;
		a->slot = i;
		if (pthread_create(&wq->thr[i], NULL, worker_main, a) != 0) {
			free(a);
			wq->nworkers = i;
			break;
		}
	}
	pthread_mutex_unlock(&wq_lock);
	return wq;
}

void ms_wq_init(void)
{
	system_wq = wq_create("events", 0, 0, 0);
	system_long_wq = wq_create("events_long", 0, 0, 0);
	system_highpri_wq = system_unbound_wq = system_freezable_wq = system_power_efficient_wq = system_wq;
}

static void wq_stop(struct workqueue_struct *wq)
{
	pthread_mutex_lock(&wq_lock);
	wq->stop = 1;
	pthread_cond_broadcast(&wq_work);
	pthread_mutex_unlock(&wq_lock);
	for (int i = 0; i < wq->nworkers; i++)
		pthread_join(wq->thr[i], NULL);
	wq->nworkers = 0;
}

void ms_wq_shutdown(void)
{
	pthread_mutex_lock(&wq_lock);
	struct workqueue_struct *l = all_wqs;
	all_wqs = NULL;
	pthread_mutex_unlock(&wq_lock);
	while (l) {
		struct workqueue_struct *n = l->next;
		wq_stop(l);
		free(l->q);
		free(l);
		l = n;
	}
	system_wq = system_highpri_wq = system_long_wq = system_unbound_wq = system_freezable_wq =
		system_power_efficient_wq = NULL;
}

struct workqueue_struct *alloc_workqueue(const char *fmt, unsigned int flags, int max_active, ...)
{
	uintptr_t pc = MS_RET_PC();
	ms_rt_ensure();
	char name[32];
	va_list ap;
	va_start(ap, max_active);
	vsnprintf(name, sizeof(name), fmt, ap);
	va_end(ap);
	ms_check_sleep("alloc_workqueue", pc);
	return wq_create(name, flags, (flags & (1u << 17)) ? 1 : max_active, pc);
}

static int in_queue(struct workqueue_struct *wq, struct work_struct *w)
{
	for (int i = 0; i < wq->nq; i++)
		if (wq->q[i].w == w)
			return 1;
	return 0;
}

static int running_here(struct workqueue_struct *wq, struct work_struct *w, int *self)
{
	int r = 0;
	for (int i = 0; i < wq->nworkers; i++)
		if (wq->running[i].w == w) {
			r = 1;
			if (wq->tids[i] == ms_gettid())
				*self = 1;
		}
	return r;
}

static int busy(struct work_struct *w)
{
	for (struct workqueue_struct *wq = all_wqs; wq; wq = wq->next) {
		int self = 0;
		if (in_queue(wq, w) || (running_here(wq, w, &self) && !self))
			return 1;
	}
	return 0;
}

static int running_anywhere(struct work_struct *w)
{
	for (struct workqueue_struct *wq = all_wqs; wq; wq = wq->next) {
		int self = 0;
		if (running_here(wq, w, &self) && !self)
			return 1;
	}
	return 0;
}

static int dequeue(struct work_struct *w)
{
	int had = 0;
	for (struct workqueue_struct *wq = all_wqs; wq; wq = wq->next)
		for (int i = 0; i < wq->nq; i++)
			if (wq->q[i].w == w) {
				memmove(&wq->q[i], &wq->q[i + 1], (size_t)(wq->nq - i - 1) * sizeof(wq->q[0]));
				wq->nq--;
				i--;
				had = 1;
			}
	return had;
}

/* with wq_lock held */
static void enqueue_locked(struct workqueue_struct *wq, struct work_struct *w, uintptr_t pc)
{
	if (wq->nq == wq->capq) {
		wq->capq = wq->capq ? wq->capq * 2 : 16;
		wq->q = realloc(wq->q, (size_t)wq->capq * sizeof(*wq->q));
		if (!wq->q)
			abort();
	}
	wq->q[wq->nq++] = (struct wnode){w, w->func, w->ms_setup_pc, pc};
	pthread_cond_broadcast(&wq_work);
}

void ms_wq_queue_internal(struct workqueue_struct *wq, struct work_struct *w, uintptr_t pc)
{
	pthread_mutex_lock(&wq_lock);
	enqueue_locked(wq ? wq : system_wq, w, pc);
	pthread_mutex_unlock(&wq_lock);
}

void __ms_init_work(struct work_struct *work, work_func_t func)
{
	work->data.counter = 0;
	work->entry.next = work->entry.prev = &work->entry;
	work->func = func;
	work->ms_setup_pc = MS_RET_PC();
}

void __ms_init_delayed_work(struct delayed_work *dwork, work_func_t func)
{
	uintptr_t pc = MS_RET_PC();
	dwork->work.data.counter = 0;
	dwork->work.entry.next = dwork->work.entry.prev = &dwork->work.entry;
	dwork->work.func = func;
	dwork->work.ms_setup_pc = pc;
	dwork->timer.function = delayed_work_timer_fn;
	dwork->timer.flags = 0;
	dwork->timer.ms_pending = 0;
	dwork->timer.ms_shutdown = 0;
	dwork->timer.ms_setup_pc = pc;
	dwork->wq = NULL;
	dwork->cpu = -1;
}

_Bool queue_work_on(int cpu, struct workqueue_struct *wq, struct work_struct *work)
{
	(void)cpu;
	uintptr_t pc = MS_RET_PC();
	ms_rt_ensure();
	if (__atomic_fetch_or(&work->data.counter, 1L, __ATOMIC_SEQ_CST) & 1)
		return 0;
	if (!work->ms_setup_pc)
		work->ms_setup_pc = pc;
	pthread_mutex_lock(&wq_lock);
	enqueue_locked(wq ? wq : system_wq, work, pc);
	pthread_mutex_unlock(&wq_lock);
	return 1;
}

void delayed_work_timer_fn(struct timer_list *t)
{
	struct delayed_work *dw = (struct delayed_work *)((char *)t - offsetof(struct delayed_work, timer));
	ms_wq_queue_internal(dw->wq, &dw->work, t->ms_setup_pc);
}

static void arm_dwork(struct workqueue_struct *wq, struct delayed_work *dw, unsigned long delay, uintptr_t pc)
{
	dw->wq = wq ? wq : system_wq;
	if (!dw->work.ms_setup_pc)
		dw->work.ms_setup_pc = pc;
	if (!delay) {
		ms_wq_queue_internal(dw->wq, &dw->work, pc);
		return;
	}
	dw->timer.function = delayed_work_timer_fn;
	if (!dw->timer.ms_setup_pc)
		dw->timer.ms_setup_pc = dw->work.ms_setup_pc;
	ms_timer_arm_internal(&dw->timer, __ms_jiffies() + delay, pc);
}

_Bool queue_delayed_work_on(int cpu, struct workqueue_struct *wq, struct delayed_work *dwork, unsigned long delay)
{
	(void)cpu;
	uintptr_t pc = MS_RET_PC();
	ms_rt_ensure();
	if (__atomic_fetch_or(&dwork->work.data.counter, 1L, __ATOMIC_SEQ_CST) & 1)
		return 0;
	arm_dwork(wq, dwork, delay, pc);
	return 1;
}

_Bool mod_delayed_work_on(int cpu, struct workqueue_struct *wq, struct delayed_work *dwork, unsigned long delay)
{
	(void)cpu;
	uintptr_t pc = MS_RET_PC();
	ms_rt_ensure();
	int was = ms_timer_del_internal(&dwork->timer, 0, pc);
	pthread_mutex_lock(&wq_lock);
	was |= dequeue(&dwork->work);
	pthread_mutex_unlock(&wq_lock);
	__atomic_fetch_or(&dwork->work.data.counter, 1L, __ATOMIC_SEQ_CST);
	arm_dwork(wq, dwork, delay, pc);
	return was;
}

_Bool flush_work(struct work_struct *work)
{
	ms_check_sleep("flush_work", MS_RET_PC());
	pthread_mutex_lock(&wq_lock);
	int had = busy(work);
	while (busy(work))
		pthread_cond_wait(&wq_done, &wq_lock);
	pthread_mutex_unlock(&wq_lock);
	return had;
}

_Bool flush_delayed_work(struct delayed_work *dwork)
{
	if (ms_timer_del_internal(&dwork->timer, 0, MS_RET_PC()))
		ms_wq_queue_internal(dwork->wq, &dwork->work, MS_RET_PC());
	return flush_work(&dwork->work);
}

_Bool cancel_work(struct work_struct *work)
{
	pthread_mutex_lock(&wq_lock);
	int had = dequeue(work);
	__atomic_fetch_and(&work->data.counter, ~1L, __ATOMIC_SEQ_CST);
	pthread_mutex_unlock(&wq_lock);
	return had;
}

_Bool cancel_work_sync(struct work_struct *work)
{
	ms_check_sleep("cancel_work_sync", MS_RET_PC());
	pthread_mutex_lock(&wq_lock);
	int had = dequeue(work);
	__atomic_fetch_and(&work->data.counter, ~1L, __ATOMIC_SEQ_CST);
	while (running_anywhere(work))
		pthread_cond_wait(&wq_done, &wq_lock);
	pthread_mutex_unlock(&wq_lock);
	return had;
}

_Bool cancel_delayed_work(struct delayed_work *dwork)
{
	int had = ms_timer_del_internal(&dwork->timer, 0, MS_RET_PC());
	had |= cancel_work(&dwork->work);
	return had;
}

_Bool cancel_delayed_work_sync(struct delayed_work *dwork)
{
	ms_check_sleep("cancel_delayed_work_sync", MS_RET_PC());
	int had = ms_timer_del_internal(&dwork->timer, 1, MS_RET_PC());
	pthread_mutex_lock(&wq_lock);
	had |= dequeue(&dwork->work);
	__atomic_fetch_and(&dwork->work.data.counter, ~1L, __ATOMIC_SEQ_CST);
	while (running_anywhere(&dwork->work))
		pthread_cond_wait(&wq_done, &wq_lock);
	pthread_mutex_unlock(&wq_lock);
	return had;
}

static int wq_busy(struct workqueue_struct *wq)
{
	if (wq->nq)
		return 1;
	for (int i = 0; i < wq->nworkers; i++)
		if (wq->running[i].w && wq->tids[i] != ms_gettid())
			return 1;
	return 0;
}

void flush_workqueue(struct workqueue_struct *wq)
{
	ms_check_sleep("flush_workqueue", MS_RET_PC());
	if (!wq)
		return;
	pthread_mutex_lock(&wq_lock);
	while (wq_busy(wq))
		pthread_cond_wait(&wq_done, &wq_lock);
	pthread_mutex_unlock(&wq_lock);
}

void drain_workqueue(struct workqueue_struct *wq) { flush_workqueue(wq); }

void destroy_workqueue(struct workqueue_struct *wq)
{
	ms_check_sleep("destroy_workqueue", MS_RET_PC());
	if (!wq || wq == system_wq || wq == system_long_wq)
		return;
	flush_workqueue(wq);
	wq_stop(wq);
	pthread_mutex_lock(&wq_lock);
	for (struct workqueue_struct **p = &all_wqs; *p; p = &(*p)->next)
		if (*p == wq) {
			*p = wq->next;
			break;
		}
	pthread_mutex_unlock(&wq_lock);
	free(wq->q);
	free(wq);
}

_Bool __ms_work_pending(const struct work_struct *work)
{
	return __atomic_load_n(&work->data.counter, __ATOMIC_SEQ_CST) & 1;
}

void ms_wq_scan(struct ms_mod *r, const char *check)
{
	struct wnode hits[32];
	int running[32];
	int nh = 0;
	pthread_mutex_lock(&wq_lock);
	for (struct workqueue_struct *wq = all_wqs; wq; wq = wq->next) {
		for (int i = 0; i < wq->nq && nh < 32; i++)
			if (ms_addr_in_mod(r, (uintptr_t)wq->q[i].w) || ms_addr_in_text(r, (uintptr_t)wq->q[i].fn)) {
				running[nh] = 0;
				hits[nh++] = wq->q[i];
			}
		for (int i = 0; i < wq->nworkers && nh < 32; i++)
			if (wq->running[i].w && (ms_addr_in_mod(r, (uintptr_t)wq->running[i].w) ||
						 ms_addr_in_text(r, (uintptr_t)wq->running[i].fn))) {
				running[nh] = 1;
				hits[nh++] = wq->running[i];
			}
	}
	pthread_mutex_unlock(&wq_lock);
	for (int i = 0; i < nh; i++) {
		char fname[256] = "", file[512];
		int line, col;
		ms_symbolize((uintptr_t)hits[i].fn, 0, file, sizeof(file), &line, &col, fname, sizeof(fname));
		int init = strcmp(check, "missing-teardown") != 0;
		struct ms_finding *f = ms_f_new(check, r, hits[i].setup_pc ? hits[i].setup_pc : (uintptr_t)hits[i].fn,
			hits[i].setup_pc != 0,
			"work item '%s' into module '%s' is still %s when the module's memory is freed: %s "
			"(cancel_work_sync()/flush_work()/destroy_workqueue()) (Stern, Owens)",
			fname[0] ? fname : "?", r->name, running[i] ? "running" : "queued",
			init ? "init failed without cancelling it" : "nothing in the exit waited for it");
		if (hits[i].queue_pc)
			ms_f_note(f, hits[i].queue_pc, 1, "queued here");
		if (!init && r->exit)
			ms_f_note(f, (uintptr_t)r->exit, 0, "the module's exit function returns without waiting for it");
		ms_f_key(f, hits[i].setup_pc ? hits[i].setup_pc : (uintptr_t)hits[i].fn, (uintptr_t)hits[i].w);
		ms_f_commit(f);
	}
}

// SPDX-License-Identifier: GPL-2.0
/*
 * Tasks and kthreads: a kthread is a thread that runs its function only
 * once woken (kthread_create + wake_up_process = kthread_run);
 * kthread_stop sets the stop flag, wakes it and waits for it;
 * module_put_and_kthread_exit drops the module reference and leaves
 * without ever returning into module code, as in the kernel.
 */
#include "internal.h"

#include <errno.h>
#include <limits.h>
#include <stdarg.h>

static pthread_mutex_t tasks_lock = PTHREAD_MUTEX_INITIALIZER;
static struct ms_task *tasks;
static int next_pid = 1000;

#define STATE(t) __atomic_load_n(&(t)->ts.__state, __ATOMIC_SEQ_CST)
#define SET_STATE(t, v) __atomic_store_n(&(t)->ts.__state, (long)(v), __ATOMIC_SEQ_CST)

static struct ms_task *task_new(const char *comm)
{
	struct ms_task *t = ms_xcalloc(1, sizeof(*t));
	pthread_mutex_init(&t->lock, NULL);
	pthread_cond_init(&t->cond, NULL);
	t->ts.ms_rt = t;
	snprintf(t->ts.comm, sizeof(t->ts.comm), "%s", comm);
	pthread_mutex_lock(&tasks_lock);
	t->ts.pid = next_pid++;
	t->next = tasks;
	tasks = t;
	pthread_mutex_unlock(&tasks_lock);
	return t;
}

struct ms_task *ms_task_self(void)
{
	if (!ms_t.task) {
		if (!ms_t.name[0])
			ms_thread_init("thread");
		ms_t.task = task_new(ms_t.name);
	}
	return ms_t.task;
}

struct task_struct *__ms_get_current(void) { return &ms_task_self()->ts; }
int __ms_signal_pending(struct task_struct *p)
{
	(void)p;
	return 0;
}

void ms_task_set_waiting(struct wait_queue_head *wq)
{
	struct ms_task *t = ms_task_self();
	pthread_mutex_lock(&t->lock);
	t->waiting_wq = wq;
	pthread_mutex_unlock(&t->lock);
}

/* schedule()/schedule_timeout(): sleep unless the task is TASK_RUNNING
 * (a wake-up between set_current_state() and schedule() is not lost). */
long ms_task_sleep(long timeout, int check_state)
{
	struct ms_task *t = ms_task_self();
	(void)check_state;
	uint64_t deadline = timeout >= LONG_MAX ? UINT64_MAX : ms_virt_ns() + ms_jiffies_to_ns(timeout);
	pthread_mutex_lock(&t->lock);
	while (STATE(t) != 0 && (deadline == UINT64_MAX || ms_virt_ns() < deadline))
		ms_cond_wait_virt(&t->cond, &t->lock, deadline);
	SET_STATE(t, 0);
	pthread_mutex_unlock(&t->lock);
	if (deadline == UINT64_MAX)
		return timeout;
	uint64_t now = ms_virt_ns();
	return now >= deadline ? 0 : (long)((deadline - now) / (1000000000ull / 250)) + 1;
}

int wake_up_process(struct task_struct *p)
{
	struct ms_task *t = p->ms_rt;
	int woke = 0;
	struct wait_queue_head *wq = NULL;
	pthread_mutex_lock(&t->lock);
	if (!t->woken) {
		t->woken = 1;
		woke = 1;
	}
	if (!t->should_stop)
		t->started = 1;
	if (STATE(t) != 0) {
		SET_STATE(t, 0);
		woke = 1;
	}
	wq = t->waiting_wq;
	pthread_cond_broadcast(&t->cond);
	pthread_mutex_unlock(&t->lock);
	if (wq)
		__ms_wake_up(wq);
	return woke;
}

static void run_threadfn(void *a)
{
	struct ms_task *t = a;
	t->result = t->fn(t->data);
}

static void *trampoline(void *a)
{
	struct ms_task *t = a;
	ms_thread_init(t->ts.comm);
	ms_t.task = t;
	ms_t.cb = MS_CB_KTHREAD;
	ms_t.cb_obj = t;
	ms_t.cb_fn = (uintptr_t)t->fn;
	ms_t.cb_site = t->site;
	pthread_mutex_lock(&t->lock);
	while (!t->woken)
		pthread_cond_wait(&t->cond, &t->lock);
	int run = t->started; /* woken by kthread_stop() first: threadfn never runs */
	pthread_mutex_unlock(&t->lock);
	if (!run) {
		t->result = -EINTR;
	} else if (sigsetjmp(t->exit_jb, 0) == 0) {
		if (ms_guarded_call(run_threadfn, t)) {
			t->killed = 1;
			t->result = -EFAULT;
			ms_deferred_after_free("kthread", t, (uintptr_t)t->fn, t->site, 0, 1);
		}
	} else {
		/* kthread_exit(): never returned through the module's frames */
		ms_t.recover = NULL;
		ms_entries_unwind(0);
	}
	ms_entries_unwind(0);
	pthread_mutex_lock(&t->lock);
	t->exited = 1;
	pthread_cond_broadcast(&t->cond);
	pthread_mutex_unlock(&t->lock);
	return NULL;
}

struct task_struct *kthread_create_on_node(int (*threadfn)(void *data), void *data, int node, const char namefmt[], ...)
{
	(void)node;
	uintptr_t site = MS_RET_PC();
	ms_rt_ensure();
	ms_check_sleep("kthread_create", site);
	char comm[64];
	va_list ap;
	va_start(ap, namefmt);
	vsnprintf(comm, sizeof(comm), namefmt, ap);
	va_end(ap);
	struct ms_task *t = task_new(comm);
	t->kthread = 1;
	t->ts.flags = 0x00200000; /* PF_KTHREAD */
	t->fn = threadfn;
	t->data = data;
	t->site = site;
	t->mod = ms_mod_by_text((uintptr_t)threadfn);
	SET_STATE(t, 2);
	if (pthread_create(&t->thread, NULL, trampoline, t) != 0) {
		t->exited = 1;
		t->joined = 1;
		return (struct task_struct *)(long)-ENOMEM;
	}
	return &t->ts;
}

int kthread_stop(struct task_struct *k)
{
	ms_check_sleep("kthread_stop", MS_RET_PC());
	struct ms_task *t = k->ms_rt;
	pthread_mutex_lock(&t->lock);
	t->should_stop = 1;
	pthread_mutex_unlock(&t->lock);
	wake_up_process(k);
	pthread_mutex_lock(&t->lock);
	while (!t->exited)
		pthread_cond_wait(&t->cond, &t->lock);
	int join = !t->joined;
	t->joined = 1;
	pthread_mutex_unlock(&t->lock);
	if (join)
		pthread_join(t->thread, NULL);
	return (int)t->result;
}

_Bool kthread_should_stop(void)
{
	struct ms_task *t = ms_task_self();
	pthread_mutex_lock(&t->lock);
	int s = t->should_stop;
	pthread_mutex_unlock(&t->lock);
	return s;
}

void kthread_exit(long result)
{
	struct ms_task *t = ms_task_self();
	if (!t->kthread) {
		fprintf(stderr, "modsafe-run: kthread_exit() called outside a kthread\n");
		abort();
	}
	t->result = result;
	siglongjmp(t->exit_jb, 1);
}

void __module_put_and_kthread_exit(struct module *mod, long code)
{
	struct ms_task *t = ms_task_self();
	pthread_mutex_lock(&t->lock);
	t->exiting = 1;
	pthread_mutex_unlock(&t->lock);
	ms_put_tagged(mod, NULL, MS_RET_PC());
	kthread_exit(code);
}

void __module_put_soft_and_exit(struct module *mod, long code)
{
	struct ms_task *t = ms_task_self();
	pthread_mutex_lock(&t->lock);
	t->exiting = 1;
	pthread_mutex_unlock(&t->lock);
	__module_put_soft(mod);
	kthread_exit(code);
}

void ms_kthread_scan(struct ms_mod *r, const char *check)
{
	pthread_mutex_lock(&tasks_lock);
	for (struct ms_task *t = tasks; t; t = t->next) {
		if (!t->kthread)
			continue;
		pthread_mutex_lock(&t->lock);
		int live = !t->exited && !t->exiting;
		pthread_mutex_unlock(&t->lock);
		if (!live || !(t->mod == r || ms_addr_in_text(r, (uintptr_t)t->fn)))
			continue;
		char fn[256] = "", file[512];
		int line, col;
		ms_symbolize((uintptr_t)t->fn, 0, file, sizeof(file), &line, &col, fn, sizeof(fn));
		struct ms_finding *f = ms_f_new(check, r, t->site, 1,
			"kthread '%s' running '%s' was created here and is still alive when module '%s' is freed: "
			"%s (kthread_stop(), or a thread pinned with __module_get() that ends in "
			"module_put_and_kthread_exit())", t->ts.comm, fn[0] ? fn : "?", r->name,
			strcmp(check, "missing-teardown") ? "init failed without stopping it"
							  : "nothing in the exit stopped it");
		if (r->exit)
			ms_f_note(f, (uintptr_t)r->exit, 0, "the module's exit function");
		ms_f_key(f, t->site, (uintptr_t)t);
		ms_f_commit(f);
	}
	pthread_mutex_unlock(&tasks_lock);
}

void ms_kthread_shutdown(void)
{
	pthread_mutex_lock(&tasks_lock);
	for (struct ms_task *t = tasks; t; t = t->next) {
		if (!t->kthread)
			continue;
		pthread_mutex_lock(&t->lock);
		t->should_stop = 1;
		t->woken = 1;
		SET_STATE(t, 0);
		pthread_cond_broadcast(&t->cond);
		int exited = t->exited, join = !t->joined;
		if (exited)
			t->joined = 1;
		pthread_mutex_unlock(&t->lock);
		if (exited && join)
			pthread_join(t->thread, NULL);
		else if (join) {
			pthread_mutex_lock(&t->lock);
			t->joined = 1;
			pthread_mutex_unlock(&t->lock);
			pthread_detach(t->thread);
		}
	}
	pthread_mutex_unlock(&tasks_lock);
}

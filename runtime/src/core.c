// SPDX-License-Identifier: GPL-2.0
/*
 * libmodsafe-rt core: the module registry, per-thread execution context
 * (what the kernel keeps in preempt_count), module references with the
 * semantics of kernel/module/main.c (Linux 6.1), Alan Stern's soft
 * references, the entry hooks of instrumented module code, and the
 * sleeping-in-atomic check every sleeping primitive makes.
 */
#include "internal.h"

#include <errno.h>
#include <limits.h>
#include <sched.h>
#include <stdarg.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

MS_TLS struct ms_thr ms_t;

/* ------------------------------------------------------------------------
 * Module registry (append-only: records outlive the module's memory)
 */
static struct ms_mod *mods[MS_MAX_MODS];
static int nmods;
static pthread_mutex_t reg_lock = PTHREAD_MUTEX_INITIALIZER;

int ms_mod_register(struct ms_mod *r)
{
	pthread_mutex_lock(&reg_lock);
	int n = __atomic_load_n(&nmods, __ATOMIC_RELAXED);
	if (n >= MS_MAX_MODS) {
		pthread_mutex_unlock(&reg_lock);
		return -ENOSPC;
	}
	mods[n] = r;
	MS_STORE(&nmods, n + 1);
	pthread_mutex_unlock(&reg_lock);
	return 0;
}

int ms_mod_count(void) { return MS_LOAD(&nmods); }
struct ms_mod *ms_mod_at(int i) { return mods[i]; }

struct ms_mod *ms_mod_by_struct(const struct module *m)
{
	int n = MS_LOAD(&nmods);
	for (int i = n - 1; i >= 0; i--)
		if (mods[i]->m == m)
			return mods[i];
	return NULL;
}

int ms_addr_in_mod(const struct ms_mod *r, uintptr_t a)
{
	if (a < r->lo || a >= r->hi)
		return 0;
	for (int i = 0; i < r->nr; i++)
		if (a >= r->r[i].lo && a < r->r[i].hi)
			return 1;
	return 0;
}

int ms_addr_in_text(const struct ms_mod *r, uintptr_t a)
{
	if (a < r->lo || a >= r->hi)
		return 0;
	for (int i = 0; i < r->nr; i++)
		if ((r->r[i].prot & 4) && a >= r->r[i].lo && a < r->r[i].hi)
			return 1;
	return 0;
}

struct ms_mod *ms_mod_by_addr(uintptr_t a)
{
	int n = MS_LOAD(&nmods);
	for (int i = n - 1; i >= 0; i--)
		if (ms_addr_in_mod(mods[i], a))
			return mods[i];
	return NULL;
}

struct ms_mod *ms_mod_by_text(uintptr_t a)
{
	int n = MS_LOAD(&nmods);
	for (int i = n - 1; i >= 0; i--)
		if (ms_addr_in_text(mods[i], a))
			return mods[i];
	return NULL;
}

/* Called from the SIGSEGV handler: no locks, no allocation. */
struct ms_mod *ms_freed_mod_of(uintptr_t a)
{
	int n = MS_LOAD(&nmods);
	for (int i = n - 1; i >= 0; i--)
		if (MS_LOAD(&mods[i]->freed) && ms_addr_in_mod(mods[i], a))
			return mods[i];
	return NULL;
}

const struct ms_sym *ms_mod_sym(const struct ms_mod *r, uintptr_t a)
{
	int lo = 0, hi = r->nsyms - 1;
	const struct ms_sym *best = NULL;
	while (lo <= hi) {
		int mid = (lo + hi) / 2;
		if (r->syms[mid].addr <= a) {
			best = &r->syms[mid];
			lo = mid + 1;
		} else
			hi = mid - 1;
	}
	if (best && (a < best->addr + (best->size ? best->size : 1)))
		return best;
	return NULL;
}

uintptr_t ms_func_start(uintptr_t pc)
{
	struct ms_mod *r = ms_mod_by_text(pc);
	if (!r)
		return 0;
	const struct ms_sym *s = ms_mod_sym(r, pc);
	return s ? s->addr : 0;
}

void ms_mod_set_state(struct ms_mod *r, int state)
{
	MS_STORE(&r->state, state);
	if (r->m && !MS_LOAD(&r->freed))
		__atomic_store_n(&r->m->state, (enum module_state)state, __ATOMIC_RELAXED);
}

/* ------------------------------------------------------------------------
 * Threads
 */
int ms_gettid(void)
{
	if (!ms_t.tid)
		ms_t.tid = (int)syscall(SYS_gettid);
	return ms_t.tid;
}

void ms_thread_init(const char *name)
{
	ms_gettid();
	snprintf(ms_t.name, sizeof(ms_t.name), "%s", name);
	pthread_attr_t a;
	if (pthread_getattr_np(pthread_self(), &a) == 0) {
		void *lo;
		size_t sz;
		if (pthread_attr_getstack(&a, &lo, &sz) == 0) {
			ms_t.stack_lo = (uintptr_t)lo;
			ms_t.stack_hi = (uintptr_t)lo + sz;
		}
		pthread_attr_destroy(&a);
	}
}

void ms_rt_thread_enter(const char *name) { ms_thread_init(name); }

void ms_pin_push(struct ms_mod *m)
{
	if (!m)
		return;
	for (int i = 0; i < ms_t.npin; i++)
		if (ms_t.pin[i].m == m) {
			ms_t.pin[i].n++;
			return;
		}
	if (ms_t.npin < 8)
		ms_t.pin[ms_t.npin++] = (struct ms_pin){m, 1};
}

void ms_pin_pop(struct ms_mod *m)
{
	for (int i = 0; i < ms_t.npin; i++)
		if (ms_t.pin[i].m == m) {
			if (--ms_t.pin[i].n == 0)
				ms_t.pin[i] = ms_t.pin[--ms_t.npin];
			return;
		}
}

int ms_pinned(struct ms_mod *m)
{
	for (int i = 0; i < ms_t.npin; i++)
		if (ms_t.pin[i].m == m)
			return 1;
	return 0;
}

/* ------------------------------------------------------------------------
 * Time (scaled: jiffies may run faster than the wall clock)
 */
double ms_time_scale = 1.0;
static uint64_t t0;

uint64_t ms_mono_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

static void time_init(void)
{
	uint64_t z = 0;
	__atomic_compare_exchange_n(&t0, &z, ms_mono_ns(), 0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
}

uint64_t ms_virt_ns(void)
{
	if (!MS_LOAD(&t0))
		time_init();
	return (uint64_t)((double)(ms_mono_ns() - MS_LOAD(&t0)) * ms_time_scale);
}

void ms_sleep_virt_ns(uint64_t ns)
{
	uint64_t real = (uint64_t)((double)ns / ms_time_scale);
	struct timespec ts = {(time_t)(real / 1000000000ull), (long)(real % 1000000000ull)};
	while (nanosleep(&ts, &ts) == -1 && errno == EINTR)
		;
}

/* Wait on c (default clock) until woken or the scaled deadline passes. */
void ms_cond_wait_virt(pthread_cond_t *c, pthread_mutex_t *m, uint64_t deadline_virt_ns)
{
	uint64_t now = ms_virt_ns();
	if (deadline_virt_ns == UINT64_MAX) {
		pthread_cond_wait(c, m);
		return;
	}
	if (deadline_virt_ns <= now)
		return;
	uint64_t rel = (uint64_t)((double)(deadline_virt_ns - now) / ms_time_scale) + 1000;
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	uint64_t ns = (uint64_t)ts.tv_nsec + rel % 1000000000ull;
	ts.tv_sec += (time_t)(rel / 1000000000ull + ns / 1000000000ull);
	ts.tv_nsec = (long)(ns % 1000000000ull);
	pthread_cond_timedwait(c, m, &ts);
}

#define MS_HZ 250
#define MS_INITIAL_JIFFIES ((unsigned long)(unsigned int)(-300 * MS_HZ))
unsigned long __ms_jiffies(void) { return MS_INITIAL_JIFFIES + (unsigned long)(ms_virt_ns() / (1000000000ull / MS_HZ)); }
unsigned long long __ms_ktime_ns(void) { return ms_virt_ns(); }
uint64_t ms_jiffies_to_ns(long j) { return j <= 0 ? 0 : (uint64_t)j * (1000000000ull / MS_HZ); }

/* ------------------------------------------------------------------------
 * Execution context
 */
static void region_push(int kind, uintptr_t pc, const void *lock)
{
	if (ms_t.nreg < (int)(sizeof(ms_t.reg) / sizeof(ms_t.reg[0])))
		ms_t.reg[ms_t.nreg] = (struct ms_region){kind, pc, lock};
	ms_t.nreg++;
}

static void region_pop(int kind, const void *lock)
{
	int n = ms_t.nreg < 32 ? ms_t.nreg : 32;
	for (int i = n - 1; i >= 0; i--)
		if (ms_t.reg[i].kind == kind && ms_t.reg[i].lock == lock) {
			memmove(&ms_t.reg[i], &ms_t.reg[i + 1], (size_t)(n - i - 1) * sizeof(ms_t.reg[0]));
			ms_t.nreg--;
			return;
		}
	if (ms_t.nreg > 32)
		ms_t.nreg--;
}

void __ms_preempt_disable(void) { ms_t.preempt++; region_push(MS_R_PREEMPT, MS_RET_PC(), NULL); }
void __ms_preempt_enable(void) { if (ms_t.preempt > 0) ms_t.preempt--; region_pop(MS_R_PREEMPT, NULL); }
void __ms_local_irq_disable(void) { ms_t.irqoff++; region_push(MS_R_IRQOFF, MS_RET_PC(), NULL); }
void __ms_local_irq_enable(void)
{
	while (ms_t.irqoff > 0) {
		ms_t.irqoff--;
		region_pop(MS_R_IRQOFF, NULL);
	}
}
unsigned long __ms_local_irq_save(void)
{
	unsigned long f = ms_t.irqoff > 0;
	ms_t.irqoff++;
	region_push(MS_R_IRQOFF, MS_RET_PC(), NULL);
	return f;
}
void __ms_local_irq_restore(unsigned long flags)
{
	if (ms_t.irqoff > 0) {
		ms_t.irqoff--;
		region_pop(MS_R_IRQOFF, NULL);
	}
	(void)flags;
}
void __ms_local_bh_disable(void) { ms_t.bhoff++; region_push(MS_R_BHOFF, MS_RET_PC(), NULL); }
void __ms_local_bh_enable(void) { if (ms_t.bhoff > 0) ms_t.bhoff--; region_pop(MS_R_BHOFF, NULL); }

int ms_atomic_now(void)
{
	return ms_t.preempt || ms_t.softirq || ms_t.hardirq || ms_t.irqoff || ms_t.bhoff || ms_t.rcu;
}
int __ms_in_atomic(void) { return ms_atomic_now(); }
int __ms_in_interrupt(void) { return ms_t.hardirq || ms_t.softirq || ms_t.bhoff; }
int __ms_in_hardirq(void) { return ms_t.hardirq; }
int __ms_in_softirq(void) { return ms_t.softirq || ms_t.bhoff; }
int __ms_irqs_disabled(void) { return ms_t.irqoff || ms_t.hardirq; }
int __ms_cpu_id(void) { return ms_gettid() & 1; }
void __ms_cond_resched(void)
{
	ms_check_sleep("cond_resched", MS_RET_PC());
	sched_yield();
}

/* Region helpers for sync.c */
void ms_region_enter(int kind, uintptr_t pc, const void *lock);
void ms_region_leave(int kind, const void *lock);
void ms_region_enter(int kind, uintptr_t pc, const void *lock)
{
	switch (kind) {
	case MS_R_SPIN_BH: ms_t.bhoff++; break;
	case MS_R_SPIN_IRQ: ms_t.irqoff++; break;
	case MS_R_RCU: ms_t.rcu++; break;
	default: ms_t.preempt++; break;
	}
	region_push(kind, pc, lock);
}
void ms_region_leave(int kind, const void *lock)
{
	switch (kind) {
	case MS_R_SPIN_BH: if (ms_t.bhoff > 0) ms_t.bhoff--; break;
	case MS_R_SPIN_IRQ: if (ms_t.irqoff > 0) ms_t.irqoff--; break;
	case MS_R_RCU: if (ms_t.rcu > 0) ms_t.rcu--; break;
	default: if (ms_t.preempt > 0) ms_t.preempt--; break;
	}
	region_pop(kind, lock);
}

static const char *region_name(int kind)
{
	switch (kind) {
	case MS_R_SPIN: return "spin_lock";
	case MS_R_SPIN_BH: return "spin_lock_bh";
	case MS_R_SPIN_IRQ: return "spin_lock_irq/irqsave";
	case MS_R_READ: return "read_lock";
	case MS_R_WRITE: return "write_lock";
	case MS_R_RCU: return "rcu_read_lock";
	case MS_R_PREEMPT: return "preempt_disable";
	case MS_R_IRQOFF: return "local_irq_disable/save";
	case MS_R_BHOFF: return "local_bh_disable";
	}
	return "atomic region";
}

static const char *cb_kind_name(int cb)
{
	switch (cb) {
	case MS_CB_TIMER: return "timer";
	case MS_CB_WORK: return "work item";
	case MS_CB_TASKLET: return "tasklet";
	case MS_CB_IRQ: return "hard-irq handler";
	case MS_CB_IRQ_THREAD: return "threaded irq handler";
	case MS_CB_RCU: return "RCU callback";
	case MS_CB_KTHREAD: return "kthread";
	case MS_CB_RELEASE: return "release method";
	case MS_CB_NOTIFIER: return "notifier";
	case MS_CB_HOOK: return "hook";
	case MS_CB_FOPS: return "file operation";
	}
	return "code";
}
const char *ms_cb_kind_name(int cb);
const char *ms_cb_kind_name(int cb) { return cb_kind_name(cb); }

static int cb_must_not_sleep(int cb)
{
	return cb == MS_CB_TIMER || cb == MS_CB_TASKLET || cb == MS_CB_IRQ || cb == MS_CB_RCU;
}

static const char *cb_context(int cb)
{
	switch (cb) {
	case MS_CB_IRQ: return "hard-irq";
	case MS_CB_TIMER: case MS_CB_TASKLET: case MS_CB_RCU: return "softirq";
	}
	return "atomic";
}

static int in_check;

/* A sleeping primitive was called: the kernel's might_sleep() with
 * CONFIG_DEBUG_ATOMIC_SLEEP ("BUG: sleeping function called from invalid
 * context"), reported against the module code that made the call. */
static int thread_holds_get(struct ms_mod *r)
{
	int me = ms_gettid(), held = 0;
	pthread_mutex_lock(&r->lock);
	for (int i = 0; i < r->ngets && !held; i++)
		held = !r->gets[i].tag && r->gets[i].tid == me;
	pthread_mutex_unlock(&r->lock);
	return held;
}

/* Phillips: code entered through a noncounting entry point (a hook called
 * with no module reference) may not sleep unless it first takes a count. */
static void check_sleep_without_count(const char *what, uintptr_t caller)
{
	uintptr_t pcs[MS_MAX_FRAMES];
	int n = ms_capture(pcs, MS_MAX_FRAMES), is_ret = 1;
	struct ms_mod *mod = NULL;
	uintptr_t primary = ms_first_module_frame(pcs, n, &is_ret, &mod);
	if (!primary || !mod || ms_pinned(mod) || thread_holds_get(mod))
		return;
	char fn[128] = "", file[512];
	int line, col;
	ms_symbolize(ms_t.cb_fn, 0, file, sizeof(file), &line, &col, fn, sizeof(fn));
	struct ms_finding *f = ms_f_new("sleep-without-count", mod, primary, 1,
		"'%s' may sleep in code of module '%s' entered through a noncounting entry point ('%s', called with "
		"no module reference), without first taking a count: the module may be unloaded while it sleeps "
		"(Phillips: __module_get(THIS_MODULE) first)", what, mod->name, fn[0] ? fn : "?");
	ms_f_stack(f, pcs, n, 0, what);
	ms_f_key(f, primary, 5);
	ms_f_commit(f);
}

void ms_check_sleep(const char *what, uintptr_t caller)
{
	int cbsleep = cb_must_not_sleep(ms_t.cb);
	if (!cbsleep && !ms_atomic_now()) {
		if (ms_t.cb == MS_CB_HOOK && !ms_t.in_rt) {
			ms_t.in_rt = 1;
			check_sleep_without_count(what, caller);
			ms_t.in_rt = 0;
		}
		return;
	}
	if (ms_t.in_rt)
		return;
	ms_t.in_rt = 1;
	(void)in_check;
	uintptr_t pcs[MS_MAX_FRAMES];
	int n = ms_capture(pcs, MS_MAX_FRAMES);
	int is_ret = 1;
	struct ms_mod *mod = NULL;
	uintptr_t primary = 0;
	char fn[128] = "", file[512];
	int line, col;
	if (cbsleep) {
		/* reported at the call inside the callback */
		for (int i = 0; i < n; i++)
			if (ms_func_start(pcs[i] - 1) == ms_t.cb_fn && ms_t.cb_fn) {
				primary = pcs[i];
				mod = ms_mod_by_text(pcs[i] - 1);
				break;
			}
		if (!primary)
			primary = ms_first_module_frame(pcs, n, &is_ret, &mod);
		if (!primary) {
			primary = caller;
			mod = ms_mod_by_text(caller - 1);
		}
		ms_symbolize(ms_t.cb_fn, 0, file, sizeof(file), &line, &col, fn, sizeof(fn));
		struct ms_finding *f = ms_f_new("sleep-in-callback", mod, primary, 1,
			"'%s' may sleep, but it is reached from %s callback '%s', which runs in %s context and "
			"must never sleep (Exception #1: only callbacks that never sleep may skip the module reference)",
			what, cb_kind_name(ms_t.cb), fn[0] ? fn : "?", cb_context(ms_t.cb));
		if (ms_t.cb_site)
			ms_f_note(f, ms_t.cb_site, 1, "the %s callback '%s' was handed over here", cb_kind_name(ms_t.cb),
				  fn[0] ? fn : "?");
		if (ms_t.nreg > 0 && ms_t.nreg <= 32) {
			struct ms_region *rg = &ms_t.reg[ms_t.nreg - 1];
			if (rg->pc && ms_mod_by_text(rg->pc - 1))
				ms_f_note(f, rg->pc, 1, "and inside an atomic region that begins here (%s)", region_name(rg->kind));
		}
		ms_f_stack(f, pcs, n, 0, what);
		ms_f_key(f, primary, 0);
		ms_f_commit(f);
	} else {
		struct ms_region *rg = NULL;
		int nr = ms_t.nreg < 32 ? ms_t.nreg : 32;
		if (nr > 0)
			rg = &ms_t.reg[nr - 1];
		/* prefer the frame in the function that began the region */
		uintptr_t rfunc = rg && rg->pc ? ms_func_start(rg->pc - 1) : 0;
		if (rfunc)
			for (int i = 0; i < n; i++)
				if (ms_func_start(pcs[i] - 1) == rfunc) {
					primary = pcs[i];
					mod = ms_mod_by_text(pcs[i] - 1);
					break;
				}
		if (!primary)
			primary = ms_first_module_frame(pcs, n, &is_ret, &mod);
		if (!primary) {
			primary = caller;
			mod = ms_mod_by_text(caller - 1);
		}
		const char *ctx = ms_t.hardirq ? "hard-irq context" : ms_t.softirq ? "softirq context" : NULL;
		struct ms_finding *f = ms_f_new("sleep-in-atomic", mod, primary, 1,
			"'%s' may sleep, but it is called inside an atomic region (%s%s%s): sleeping there can "
			"deadlock, and it is illegal to sleep while using module code/data without a count (Owens)",
			what, rg ? region_name(rg->kind) : (ctx ? ctx : "preemption disabled"),
			ms_t.cb ? " in a " : "", ms_t.cb ? cb_kind_name(ms_t.cb) : "");
		if (rg && rg->pc)
			ms_f_note(f, rg->pc, 1, "the atomic region begins here (%s)", region_name(rg->kind));
		ms_f_stack(f, pcs, n, 0, what);
		ms_f_key(f, primary, 0);
		ms_f_commit(f);
	}
	ms_t.in_rt = 0;
}

void __ms_might_sleep(const char *what) { ms_check_sleep(what, MS_RET_PC()); }

/* ------------------------------------------------------------------------
 * Module references (kernel/module/main.c, Linux 6.1)
 */
static void getlog_push(struct ms_mod *r, uintptr_t pc, const void *tag, const char *what)
{
	pthread_mutex_lock(&r->lock);
	if (r->ngets == r->capgets) {
		int cap = r->capgets ? r->capgets * 2 : 16;
		struct ms_getent *g = realloc(r->gets, (size_t)cap * sizeof(*g));
		if (!g) {
			pthread_mutex_unlock(&r->lock);
			return;
		}
		r->gets = g;
		r->capgets = cap;
	}
	struct ms_getent *e = &r->gets[r->ngets++];
	e->pc = pc;
	e->func = ms_func_start(pc - 1);
	e->tag = tag;
	e->tid = ms_gettid();
	e->what = what;
	pthread_mutex_unlock(&r->lock);
}

/* Pair a put with a get: 1 if one was found. */
static int getlog_pop(struct ms_mod *r, uintptr_t pc, const void *tag)
{
	int found = -1, consumed = 0;
	pthread_mutex_lock(&r->lock);
	if (tag) {
		for (int i = r->ngets - 1; i >= 0 && found < 0; i--)
			if (r->gets[i].tag == tag)
				found = i;
		for (int i = r->ngets - 1; i >= 0 && found < 0; i--)
			if (!r->gets[i].tag)
				found = i;
	} else {
		uintptr_t func = ms_func_start(pc - 1);
		for (int i = r->ngets - 1; i >= 0 && found < 0 && func; i--)
			if (!r->gets[i].tag && r->gets[i].func == func)
				found = i;
		for (int i = r->ngets - 1; i >= 0 && found < 0; i--)
			if (!r->gets[i].tag)
				found = i;
		/* replace_fops() in ->open drops the file's own reference */
		for (int i = r->ngets - 1; i >= 0 && found < 0 && ms_t.vfs_file && !ms_t.consumed_mod; i--)
			if (r->gets[i].tag == ms_t.vfs_file) {
				found = i;
				consumed = 1;
			}
	}
	if (found >= 0) {
		if (consumed) {
			ms_t.consumed_mod = r;
			ms_t.consumed_pc = pc;
			ms_t.consumed_n = ms_capture(ms_t.consumed_frames, 16);
		}
		memmove(&r->gets[found], &r->gets[found + 1], (size_t)(r->ngets - found - 1) * sizeof(r->gets[0]));
		r->ngets--;
	}
	pthread_mutex_unlock(&r->lock);
	return found >= 0;
}

static void report_put_unbalanced_stack(struct ms_mod *r, uintptr_t pc, const char *why, const uintptr_t *given, int ng)
{
	__atomic_store_n(&r->unbalanced_reported, 1, __ATOMIC_SEQ_CST);
	uintptr_t pcs[MS_MAX_FRAMES];
	int n;
	if (given) {
		n = ng < MS_MAX_FRAMES ? ng : MS_MAX_FRAMES;
		memcpy(pcs, given, (size_t)n * sizeof(pcs[0]));
	} else
		n = ms_capture(pcs, MS_MAX_FRAMES);
	int is_ret = 1;
	struct ms_mod *at = NULL;
	uintptr_t primary = pc;
	if (!ms_mod_by_text(pc - 1)) {
		uintptr_t p = ms_first_module_frame(pcs, n, &is_ret, &at);
		if (p)
			primary = p;
	}
	struct ms_finding *f = ms_f_new("put-unbalanced", ms_mod_by_text(primary - 1) ? ms_mod_by_text(primary - 1) : r,
		primary, 1, "drops a module reference on '%s' %s: the count no longer protects the module's "
		"code, which may be unloaded while still in use (Rule #1)", r->name, why);
	ms_f_stack(f, pcs, n, 0, "module_put");
	ms_f_key(f, primary, 1);
	ms_f_commit(f);
}

static void report_put_unbalanced(struct ms_mod *r, uintptr_t pc, const char *why)
{
	report_put_unbalanced_stack(r, pc, why, NULL, 0);
}

static int ms_try_get(struct module *module, uintptr_t pc, const void *tag, const char *what)
{
	if (!module)
		return 1;
	struct ms_mod *r = ms_mod_by_struct(module);
	if (!r)
		return 1;
	if (MS_LOAD(&r->freed))
		return 0;
	int ok = 0;
	if (MS_LOAD(&r->state) != MODULE_STATE_GOING) {
		int c = __atomic_load_n(&r->refcnt, __ATOMIC_RELAXED);
		while (c != 0)
			if (__atomic_compare_exchange_n(&r->refcnt, &c, c + 1, 0, __ATOMIC_SEQ_CST, __ATOMIC_RELAXED)) {
				ok = 1;
				break;
			}
	}
	if (ok)
		getlog_push(r, pc, tag, what);
	return ok;
}

static void ms_put(struct module *module, uintptr_t pc, const void *tag)
{
	if (!module)
		return;
	struct ms_mod *r = ms_mod_by_struct(module);
	if (!r)
		return;
	if (MS_LOAD(&r->freed)) {
		report_put_unbalanced(r, pc, "after the module's memory was freed (no reference kept it loaded)");
		return;
	}
	/* atomic_dec_if_positive */
	int c = __atomic_load_n(&r->refcnt, __ATOMIC_RELAXED), d;
	for (;;) {
		d = c - 1;
		if (d < 0)
			break;
		if (__atomic_compare_exchange_n(&r->refcnt, &c, d, 0, __ATOMIC_SEQ_CST, __ATOMIC_RELAXED))
			break;
	}
	if (d < 0) {
		/* WARN_ON(ret < 0): Failed to put refcount */
		report_put_unbalanced(r, pc, "below zero (the reference count underflows)");
		return;
	}
	int paired = getlog_pop(r, pc, tag);
	int st = MS_LOAD(&r->state);
	if (!paired)
		report_put_unbalanced(r, pc, "that was not taken (no get is outstanding)");
	else if (d < MS_REF_BASE && st != MODULE_STATE_GOING && st != MODULE_STATE_UNFORMED &&
		 !__atomic_load_n(&r->unbalanced_reported, __ATOMIC_SEQ_CST))
		report_put_unbalanced(r, pc, "and eats the loader's base reference");
}

int ms_try_get_tagged(struct module *m, const void *tag, uintptr_t pc);
void ms_put_tagged(struct module *m, const void *tag, uintptr_t pc);
int ms_try_get_tagged(struct module *m, const void *tag, uintptr_t pc) { return ms_try_get(m, pc, tag, "fops_get"); }

/* ->open returned: a put that consumed the file's reference was balanced
 * only if ->open gave the file other operations (replace_fops). */
void ms_vfs_open_done(struct file *file, const struct file_operations *before, int err)
{
	struct ms_mod *r = ms_t.consumed_mod;
	uintptr_t pc = ms_t.consumed_pc;
	ms_t.consumed_mod = NULL;
	if (!r)
		return;
	if (!err && file->f_op != before)
		return;
	getlog_push(r, 0, file, "fops_get"); /* the file's reference, for the VFS's own put */
	report_put_unbalanced_stack(r, pc, "that was not taken on this path (it consumed the reference of the file being opened)",
				    ms_t.consumed_frames, ms_t.consumed_n);
}
void ms_put_tagged(struct module *m, const void *tag, uintptr_t pc) { ms_put(m, pc, tag); }

_Bool try_module_get(struct module *module) { return ms_try_get(module, MS_RET_PC(), NULL, "try_module_get"); }
void module_put(struct module *module) { ms_put(module, MS_RET_PC(), NULL); }

void __module_get(struct module *module)
{
	if (!module)
		return;
	struct ms_mod *r = ms_mod_by_struct(module);
	if (!r)
		return;
	__atomic_add_fetch(&r->refcnt, 1, __ATOMIC_SEQ_CST);
	getlog_push(r, MS_RET_PC(), NULL, "__module_get");
}

int module_refcount(struct module *mod)
{
	struct ms_mod *r = ms_mod_by_struct(mod);
	return r ? MS_LOAD(&r->refcnt) - MS_REF_BASE : 0;
}

_Bool __ms_module_is_live(struct module *mod)
{
	struct ms_mod *r = ms_mod_by_struct(mod);
	return r ? MS_LOAD(&r->state) != MODULE_STATE_GOING && !MS_LOAD(&r->freed) : 1;
}

/* Outstanding gets that were not taken by the harness's own files. */
int ms_outstanding_gets(struct ms_mod *r, struct ms_getent *out, int max);
int ms_outstanding_gets(struct ms_mod *r, struct ms_getent *out, int max)
{
	int n = 0;
	pthread_mutex_lock(&r->lock);
	for (int i = 0; i < r->ngets && n < max; i++)
		if (!r->gets[i].tag)
			out[n++] = r->gets[i];
	pthread_mutex_unlock(&r->lock);
	return n;
}

/* Stern's soft references: while any is held, the module's memory stays
 * after its exit ran; the last put frees it from a work item. */
void ms_soft_release(struct ms_mod *r);
int __try_module_get_soft(struct module *mod)
{
	if (!mod)
		return 1;
	struct ms_mod *r = ms_mod_by_struct(mod);
	if (!r)
		return 1;
	if (MS_LOAD(&r->state) == MODULE_STATE_GOING || MS_LOAD(&r->freed))
		return 0;
	__atomic_add_fetch(&r->soft_refcnt, 1, __ATOMIC_SEQ_CST);
	return 1;
}

void __module_put_soft(struct module *mod)
{
	if (!mod)
		return;
	struct ms_mod *r = ms_mod_by_struct(mod);
	if (!r)
		return;
	if (__atomic_sub_fetch(&r->soft_refcnt, 1, __ATOMIC_SEQ_CST) == 0)
		ms_soft_release(r);
}

int ms_soft_get_internal(struct ms_mod *r);
int ms_soft_get_internal(struct ms_mod *r)
{
	return __try_module_get_soft(r->m);
}

/* ------------------------------------------------------------------------
 * Entry hooks: module code is compiled with -finstrument-functions.
 * An entry from outside the module's text is a call into the module; it
 * is checked against the module's state.
 */
static MS_TLS struct ms_mod *hook_cache;
struct ms_entry { struct ms_mod *m; };
static MS_TLS struct ms_entry entries[64];
static MS_TLS int nentries;
int ms_inside_count(struct ms_mod *r);

static int inside_counts[MS_MAX_MODS];
static int mod_index(struct ms_mod *r)
{
	int n = MS_LOAD(&nmods);
	for (int i = 0; i < n; i++)
		if (mods[i] == r)
			return i;
	return -1;
}
int ms_inside_count(struct ms_mod *r)
{
	int i = mod_index(r);
	return i >= 0 ? MS_LOAD(&inside_counts[i]) : 0;
}
/* Forget the entries of the calling thread (after a recovery or a kthread
 * exit that never returned through them). */
void ms_entries_unwind(int keep);
int ms_entries_depth(void);
int ms_entries_depth(void) { return nentries; }
void ms_entries_unwind(int keep)
{
	while (nentries > keep) {
		nentries--;
		if (nentries < 64 && entries[nentries].m) {
			int i = mod_index(entries[nentries].m);
			if (i >= 0)
				__atomic_sub_fetch(&inside_counts[i], 1, __ATOMIC_SEQ_CST);
		}
	}
}

void ms_entry_check(struct ms_mod *r, uintptr_t fn, uintptr_t site);

__attribute__((no_instrument_function)) void __cyg_profile_func_enter(void *this_fn, void *call_site)
{
	uintptr_t fn = (uintptr_t)this_fn, site = (uintptr_t)call_site;
	struct ms_mod *r = hook_cache;
	if (!r || !ms_addr_in_text(r, fn)) {
		r = ms_mod_by_text(fn);
		if (!r)
			return;
		hook_cache = r;
	}
	if (ms_addr_in_text(r, site))
		return; /* a call inside the module */
	int i = mod_index(r);
	if (i >= 0)
		__atomic_add_fetch(&inside_counts[i], 1, __ATOMIC_SEQ_CST);
	if (nentries < 64)
		entries[nentries].m = i >= 0 ? r : NULL;
	nentries++;
	int st = MS_LOAD(&r->state);
	if (st == MODULE_STATE_GOING || MS_LOAD(&r->exit_done) || st == MODULE_STATE_COMING)
		ms_entry_check(r, fn, site);
}

__attribute__((no_instrument_function)) void __cyg_profile_func_exit(void *this_fn, void *call_site)
{
	uintptr_t fn = (uintptr_t)this_fn, site = (uintptr_t)call_site;
	struct ms_mod *r = hook_cache;
	if (!r || !ms_addr_in_text(r, fn)) {
		r = ms_mod_by_text(fn);
		if (!r)
			return;
		hook_cache = r;
	}
	if (ms_addr_in_text(r, site))
		return;
	if (nentries > 0) {
		nentries--;
		if (nentries < 64 && entries[nentries].m) {
			int i = mod_index(entries[nentries].m);
			if (i >= 0)
				__atomic_sub_fetch(&inside_counts[i], 1, __ATOMIC_SEQ_CST);
		}
	}
	if (MS_LOAD(&r->state) == MODULE_STATE_COMING)
		ms_hooks_observe(site);
}

/* ------------------------------------------------------------------------
 * printk, WARN, BUG, strings
 */
int oops_in_progress;
static int rt_quiet;
void ms_set_quiet(int q);
void ms_set_quiet(int q) { rt_quiet = q; }

int _printk(const char *fmt, ...)
{
	char buf[1024];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	const char *p = buf;
	char level = '4';
	while (p[0] == '\001' && p[1]) {
		level = p[1];
		p += 2;
	}
	if (!rt_quiet) {
		size_t len = strlen(p);
		fprintf(stderr, "[%9.3f] %s%s", (double)ms_virt_ns() / 1e9, p, len && p[len - 1] == '\n' ? "" : "\n");
	}
	(void)level;
	return n;
}

void dump_stack(void)
{
	uintptr_t pcs[MS_MAX_FRAMES];
	int n = ms_capture(pcs, MS_MAX_FRAMES);
	for (int i = 0; i < n; i++) {
		char b[600];
		ms_describe_pc(pcs[i], i > 0, b, sizeof(b));
		fprintf(stderr, "  #%d %s\n", i, b);
	}
}

void __ms_warn(const char *file, int line, const char *cond)
{
	fprintf(stderr, "WARNING: %s:%d: %s\n", file, line, cond);
	dump_stack();
}

void __ms_bug(const char *file, int line, const char *cond)
{
	fprintf(stderr, "kernel BUG at %s:%d: %s\n", file, line, cond);
	dump_stack();
	abort();
}

int scnprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	if (size == 0)
		return 0;
	return n < (int)size ? n : (int)size - 1;
}

ssize_t strscpy(char *dest, const char *src, size_t count)
{
	if (!count)
		return -E2BIG;
	size_t n = strnlen(src, count);
	if (n == count) {
		memcpy(dest, src, count - 1);
		dest[count - 1] = 0;
		return -E2BIG;
	}
	memcpy(dest, src, n + 1);
	return (ssize_t)n;
}

size_t strlcpy(char *dest, const char *src, size_t size)
{
	size_t n = strlen(src);
	if (size) {
		size_t c = n >= size ? size - 1 : n;
		memcpy(dest, src, c);
		dest[c] = 0;
	}
	return n;
}

static int parse_ull(const char *s, unsigned int base, unsigned long long *res)
{
	char *end;
	errno = 0;
	if (!*s)
		return -EINVAL;
	unsigned long long v = strtoull(s, &end, (int)base);
	if (errno)
		return -ERANGE;
	if (*end == '\n')
		end++;
	if (*end || end == s)
		return -EINVAL;
	*res = v;
	return 0;
}

static int parse_ll(const char *s, unsigned int base, long long *res)
{
	char *end;
	errno = 0;
	if (!*s)
		return -EINVAL;
	long long v = strtoll(s, &end, (int)base);
	if (errno)
		return -ERANGE;
	if (*end == '\n')
		end++;
	if (*end || end == s)
		return -EINVAL;
	*res = v;
	return 0;
}

int kstrtoint(const char *s, unsigned int base, int *res)
{
	long long v;
	int e = parse_ll(s, base, &v);
	if (e)
		return e;
	if (v < INT_MIN || v > INT_MAX)
		return -ERANGE;
	*res = (int)v;
	return 0;
}
int kstrtouint(const char *s, unsigned int base, unsigned int *res)
{
	unsigned long long v;
	int e = parse_ull(s, base, &v);
	if (e)
		return e;
	if (v > UINT_MAX)
		return -ERANGE;
	*res = (unsigned int)v;
	return 0;
}
int kstrtol(const char *s, unsigned int base, long *res)
{
	long long v;
	int e = parse_ll(s, base, &v);
	if (!e)
		*res = (long)v;
	return e;
}
int kstrtoul(const char *s, unsigned int base, unsigned long *res)
{
	unsigned long long v;
	int e = parse_ull(s, base, &v);
	if (!e)
		*res = (unsigned long)v;
	return e;
}
int kstrtobool(const char *s, _Bool *res)
{
	if (!s)
		return -EINVAL;
	switch (s[0]) {
	case 'y': case 'Y': case '1': *res = 1; return 0;
	case 'n': case 'N': case '0': *res = 0; return 0;
	case 'o': case 'O':
		if (s[1] == 'n' || s[1] == 'N') { *res = 1; return 0; }
		if (s[1] == 'f' || s[1] == 'F') { *res = 0; return 0; }
	}
	return -EINVAL;
}
unsigned long simple_strtoul(const char *cp, char **endp, unsigned int base) { return strtoul(cp, endp, (int)base); }

unsigned int get_random_u32(void);
unsigned int get_random_u32(void)
{
	static unsigned long long s = 0x9e3779b97f4a7c15ull;
	unsigned long long x = __atomic_add_fetch(&s, 0x9e3779b97f4a7c15ull, __ATOMIC_RELAXED);
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
	x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
	return (unsigned int)(x ^ (x >> 31));
}

void *ms_xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p) {
		fprintf(stderr, "modsafe-rt: out of memory\n");
		abort();
	}
	return p;
}
void *ms_xcalloc(size_t n, size_t m)
{
	void *p = calloc(n ? n : 1, m ? m : 1);
	if (!p) {
		fprintf(stderr, "modsafe-rt: out of memory\n");
		abort();
	}
	return p;
}
char *ms_xstrdup(const char *s)
{
	char *p = strdup(s ? s : "");
	if (!p)
		abort();
	return p;
}

void ms_rt_sleep_ms(unsigned int ms) { ms_sleep_virt_ns((uint64_t)ms * 1000000ull); }

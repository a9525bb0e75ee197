// SPDX-License-Identifier: GPL-2.0
/*
 * Notifier chains, the power-off hook and sys-off handlers.
 *
 * pm_power_off is Rule #2's unsafe interface: a bare function pointer the
 * kernel calls with no module reference and no way to wait for a caller
 * inside. The runtime watches it (at every call the module makes into the
 * runtime during init, and when init returns) and remembers when it was
 * seen pointing into a module.
 *
 * Notifier chains keep their members in the runtime's memory (not linked
 * through the module's notifier_blocks), so that a block left registered
 * in a freed module is seen instead of followed. Unregistering from an
 * atomic chain waits for a grace period, from a blocking chain for the
 * callers (an rwsem), as in the kernel.
 */
#include "internal.h"

#include <dlfcn.h>
#include <errno.h>

void (*pm_power_off)(void);

struct hook_var { const char *name; void (**var)(void); };
static const struct hook_var hooks[] = {
	{"pm_power_off", &pm_power_off},
};

void ms_hooks_observe(uintptr_t pc)
{
	for (size_t i = 0; i < sizeof(hooks) / sizeof(hooks[0]); i++) {
		uintptr_t v = (uintptr_t)__atomic_load_n(hooks[i].var, __ATOMIC_RELAXED);
		if (!v)
			continue;
		struct ms_mod *r = ms_mod_by_text(v);
		if (!r)
			continue;
		int coming = MS_LOAD(&r->state) == MODULE_STATE_COMING;
		if (!r->hook_seen || (coming && !r->hook_seen_in_init)) {
			r->hook_name = hooks[i].name;
			r->hook_pc = pc && ms_addr_in_text(r, pc - 1) ? pc : 0;
			r->hook_seen = 1;
			if (coming)
				r->hook_seen_in_init = 1;
		}
	}
}

int ms_hooks_point_into(struct ms_mod *r, const char **name)
{
	for (size_t i = 0; i < sizeof(hooks) / sizeof(hooks[0]); i++) {
		uintptr_t v = (uintptr_t)__atomic_load_n(hooks[i].var, __ATOMIC_RELAXED);
		if (v && ms_addr_in_text(r, v)) {
			if (name)
				*name = hooks[i].name;
			return 1;
		}
	}
	return 0;
}

/* ---- notifier chains ---- */
struct nb_ent { struct notifier_block *nb; notifier_fn_t fn; int prio; uintptr_t pc; };
struct chain {
	const void *head;
	int kind; /* 0 atomic, 1 blocking, 2 raw */
	const char *name;
	struct nb_ent *v;
	int n, cap;
	pthread_rwlock_t rw;
	struct chain *next;
};
static pthread_mutex_t ch_lock = PTHREAD_MUTEX_INITIALIZER;
static struct chain *chains;

static struct chain *chain_of(const void *head, int kind, int create)
{
	pthread_mutex_lock(&ch_lock);
	struct chain *c;
	for (c = chains; c; c = c->next)
		if (c->head == head)
			break;
	if (!c && create) {
		c = ms_xcalloc(1, sizeof(*c));
		c->head = head;
		c->kind = kind;
		pthread_rwlock_init(&c->rw, NULL);
		c->next = chains;
		chains = c;
	}
	pthread_mutex_unlock(&ch_lock);
	return c;
}

static int chain_register(const void *head, int kind, struct notifier_block *nb, uintptr_t pc)
{
	struct chain *c = chain_of(head, kind, 1);
	pthread_rwlock_wrlock(&c->rw);
	for (int i = 0; i < c->n; i++)
		if (c->v[i].nb == nb) {
			pthread_rwlock_unlock(&c->rw);
			return -EEXIST;
		}
	if (c->n == c->cap) {
		c->cap = c->cap ? c->cap * 2 : 8;
		c->v = realloc(c->v, (size_t)c->cap * sizeof(*c->v));
		if (!c->v)
			abort();
	}
	int at = c->n;
	while (at > 0 && c->v[at - 1].prio < nb->priority) {
		c->v[at] = c->v[at - 1];
		at--;
	}
	c->v[at] = (struct nb_ent){nb, nb->notifier_call, nb->priority, pc};
	c->n++;
	pthread_rwlock_unlock(&c->rw);
	return 0;
}

static int chain_unregister(const void *head, struct notifier_block *nb)
{
	struct chain *c = chain_of(head, 0, 0);
	if (!c)
		return -ENOENT;
	pthread_rwlock_wrlock(&c->rw); /* blocking chains: waits for callers */
	int found = -ENOENT;
	for (int i = 0; i < c->n; i++)
		if (c->v[i].nb == nb) {
			memmove(&c->v[i], &c->v[i + 1], (size_t)(c->n - i - 1) * sizeof(c->v[0]));
			c->n--;
			found = 0;
			break;
		}
	int kind = c->kind;
	pthread_rwlock_unlock(&c->rw);
	if (kind == 0)
		synchronize_rcu(); /* atomic chains: callers run under rcu_read_lock */
	return found;
}

struct ncall { notifier_fn_t fn; struct notifier_block *nb; unsigned long val; void *v; int ret; };
static void run_nb(void *a)
{
	struct ncall *c = a;
	c->ret = c->fn(c->nb, c->val, c->v);
}

static int chain_call(const void *head, int kind, unsigned long val, void *v)
{
	struct chain *c = chain_of(head, kind, 0);
	if (!c)
		return 0;
	int ret = 0;
	if (kind == 0)
		__ms_rcu_read_lock(0);
	if (kind == 1)
		pthread_rwlock_rdlock(&c->rw);
	else
		pthread_rwlock_rdlock(&c->rw); /* the runtime's own list; RCU gives the module's guarantee */
	struct nb_ent snap[32];
	int n = c->n < 32 ? c->n : 32;
	memcpy(snap, c->v, (size_t)n * sizeof(snap[0]));
	if (kind != 1)
		pthread_rwlock_unlock(&c->rw);
	for (int i = 0; i < n; i++) {
		if (ms_freed_mod_of((uintptr_t)snap[i].fn) || ms_freed_mod_of((uintptr_t)snap[i].nb)) {
			ms_deferred_after_free("notifier", snap[i].nb, (uintptr_t)snap[i].fn, snap[i].pc, 0, 0);
			continue;
		}
		struct ncall nc = {snap[i].fn, snap[i].nb, val, v, 0};
		int save = ms_t.cb;
		ms_t.cb = MS_CB_NOTIFIER;
		ms_t.cb_fn = (uintptr_t)snap[i].fn;
		ms_t.cb_site = snap[i].pc;
		if (ms_guarded_call(run_nb, &nc))
			ms_deferred_after_free("notifier", snap[i].nb, (uintptr_t)snap[i].fn, snap[i].pc, 0, 1);
		ms_t.cb = save;
		ret = nc.ret;
		if (ret & 0x8000) /* NOTIFY_STOP_MASK */
			break;
	}
	if (kind == 1)
		pthread_rwlock_unlock(&c->rw);
	if (kind == 0)
		__ms_rcu_read_unlock(0);
	return ret;
}

int atomic_notifier_chain_register(struct atomic_notifier_head *nh, struct notifier_block *nb)
{ return chain_register(nh, 0, nb, MS_RET_PC()); }
int atomic_notifier_chain_unregister(struct atomic_notifier_head *nh, struct notifier_block *nb)
{ return chain_unregister(nh, nb); }
int atomic_notifier_call_chain(struct atomic_notifier_head *nh, unsigned long val, void *v)
{ return chain_call(nh, 0, val, v); }
int blocking_notifier_chain_register(struct blocking_notifier_head *nh, struct notifier_block *nb)
{
	ms_check_sleep("blocking_notifier_chain_register", MS_RET_PC());
	return chain_register(nh, 1, nb, MS_RET_PC());
}
int blocking_notifier_chain_unregister(struct blocking_notifier_head *nh, struct notifier_block *nb)
{
	ms_check_sleep("blocking_notifier_chain_unregister", MS_RET_PC());
	return chain_unregister(nh, nb);
}
int blocking_notifier_call_chain(struct blocking_notifier_head *nh, unsigned long val, void *v)
{ return chain_call(nh, 1, val, v); }
int raw_notifier_chain_register(struct raw_notifier_head *nh, struct notifier_block *nb)
{ return chain_register(nh, 2, nb, MS_RET_PC()); }
int raw_notifier_chain_unregister(struct raw_notifier_head *nh, struct notifier_block *nb)
{ return chain_unregister(nh, nb); }
int raw_notifier_call_chain(struct raw_notifier_head *nh, unsigned long val, void *v)
{ return chain_call(nh, 2, val, v); }

static struct blocking_notifier_head reboot_notifier_list = {NULL, 1};
int register_reboot_notifier(struct notifier_block *nb)
{ return chain_register(&reboot_notifier_list, 1, nb, MS_RET_PC()); }
int unregister_reboot_notifier(struct notifier_block *nb) { return chain_unregister(&reboot_notifier_list, nb); }

/* ---- sys-off handlers: an atomic notifier chain per mode ---- */
struct sys_off_handler {
	struct notifier_block nb;
	int mode;
	int (*cb)(struct sys_off_data *);
	void *cb_data;
	uintptr_t pc;
};
static struct atomic_notifier_head power_off_handler_list = {NULL, 0};

static int sys_off_notify(struct notifier_block *nb, unsigned long mode, void *cmd)
{
	struct sys_off_handler *h = (struct sys_off_handler *)nb;
	struct sys_off_data data = {h->mode, h->cb_data, cmd, NULL};
	if (ms_freed_mod_of((uintptr_t)h->cb)) {
		ms_deferred_after_free("sys-off handler", h, (uintptr_t)h->cb, h->pc, 0, 0);
		return 0;
	}
	return h->cb(&data);
}

struct sys_off_handler *register_sys_off_handler(int mode, int priority, int (*callback)(struct sys_off_data *data),
						 void *cb_data)
{
	uintptr_t pc = MS_RET_PC();
	struct sys_off_handler *h = calloc(1, sizeof(*h));
	if (!h)
		return (struct sys_off_handler *)(long)-ENOMEM;
	h->nb.notifier_call = sys_off_notify;
	h->nb.priority = priority;
	h->mode = mode;
	h->cb = callback;
	h->cb_data = cb_data;
	h->pc = pc;
	chain_register(&power_off_handler_list, 0, &h->nb, pc);
	return h;
}

void unregister_sys_off_handler(struct sys_off_handler *handler)
{
	if (!handler || (uintptr_t)handler >= (uintptr_t)-4095)
		return;
	chain_unregister(&power_off_handler_list, &handler->nb);
	free(handler);
}

static void call_pm(void *a)
{
	void (*fn)(void) = (void (*)(void))a;
	fn();
}

int ms_rt_power_off(void)
{
	int n = 0;
	void (*fn)(void) = __atomic_load_n(&pm_power_off, __ATOMIC_ACQUIRE);
	if (fn) {
		int save = ms_t.cb;
		ms_t.cb = MS_CB_HOOK;
		ms_t.cb_fn = (uintptr_t)fn;
		ms_t.cb_site = 0;
		if (ms_freed_mod_of((uintptr_t)fn))
			ms_deferred_after_free("pm_power_off hook", &pm_power_off, (uintptr_t)fn, 0, 0, 0);
		else if (ms_guarded_call(call_pm, (void *)fn))
			ms_deferred_after_free("pm_power_off hook", &pm_power_off, (uintptr_t)fn, 0, 0, 1);
		ms_t.cb = save;
		n++;
	}
	chain_call(&power_off_handler_list, 0, 1 /* SYS_OFF_MODE_POWER_OFF */, NULL);
	return n;
}

/* Call a hook published (under RCU) in a variable of a module or of the
 * runtime, the way a subsystem calls its hook: no module reference. */
struct hookcall { long (*fn)(long); long arg, ret; };
static void run_hook(void *a)
{
	struct hookcall *h = a;
	h->ret = h->fn(h->arg);
}

int ms_rt_call_hook(const char *symbol, long arg, long *ret)
{
	void **var = NULL;
	for (int i = ms_mod_count() - 1; i >= 0 && !var; i--) {
		struct ms_mod *r = ms_mod_at(i);
		if (r->handle && !MS_LOAD(&r->freed))
			var = dlsym(r->handle, symbol);
	}
	if (!var)
		var = dlsym(RTLD_DEFAULT, symbol);
	if (!var)
		return -ENOENT;
	__ms_rcu_read_lock(0);
	void *fn = __atomic_load_n(var, __ATOMIC_ACQUIRE);
	int rc = 0;
	if (fn) {
		struct hookcall h = {(long (*)(long))fn, arg, 0};
		int save = ms_t.cb;
		ms_t.cb = MS_CB_HOOK;
		ms_t.cb_fn = (uintptr_t)fn;
		ms_t.cb_site = 0;
		if (ms_guarded_call(run_hook, &h)) {
			ms_deferred_after_free("RCU-published hook", var, (uintptr_t)fn, 0, 0, 1);
			rc = -EFAULT;
		}
		ms_t.cb = save;
		if (ret)
			*ret = h.ret;
	} else
		rc = -ENODEV;
	__ms_rcu_read_unlock(0);
	return rc;
}

void ms_notifier_scan(struct ms_mod *r, const char *check)
{
	struct nb_ent hits[16];
	int nh = 0;
	pthread_mutex_lock(&ch_lock);
	for (struct chain *c = chains; c; c = c->next) {
		pthread_rwlock_rdlock(&c->rw);
		for (int i = 0; i < c->n && nh < 16; i++) {
			uintptr_t fn = (uintptr_t)c->v[i].fn;
			if (fn == (uintptr_t)sys_off_notify)
				fn = (uintptr_t)((struct sys_off_handler *)c->v[i].nb)->cb;
			if (ms_addr_in_mod(r, (uintptr_t)c->v[i].nb) || ms_addr_in_text(r, fn)) {
				hits[nh] = c->v[i];
				hits[nh++].fn = (notifier_fn_t)fn;
			}
		}
		pthread_rwlock_unlock(&c->rw);
	}
	pthread_mutex_unlock(&ch_lock);
	for (int i = 0; i < nh; i++) {
		char fname[256] = "", file[512];
		int line, col;
		ms_symbolize((uintptr_t)hits[i].fn, 0, file, sizeof(file), &line, &col, fname, sizeof(fname));
		struct ms_finding *f = ms_f_new(check, r, hits[i].pc, 1,
			"callback '%s' registered here on a notifier chain is still registered when module '%s' is "
			"freed: the next call of the chain runs freed code (unregister it in the exit)",
			fname[0] ? fname : "?", r->name);
		ms_f_key(f, hits[i].pc, (uintptr_t)hits[i].nb);
		ms_f_commit(f);
	}
}

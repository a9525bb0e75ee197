// SPDX-License-Identifier: GPL-2.0
/*
 * kref and kobject: the release method runs where the last reference is
 * dropped, which may be long after rmmod (Alan Stern's case: a pseudo-file
 * that pins a kobject whose release method is in the module). If the
 * module's memory is gone by then, that is reported instead of executed.
 *
 * With Stern's soft references (the shim's implementation of his 2004
 * patch), a kobject whose release is module code holds a soft reference on
 * the module until the release has run: rmmod still runs the exit and
 * returns, but the module's memory is freed only after the last release.
 * modsafe-run --soft-refs turns this on for unchanged module source.
 */
#include "internal.h"

#include <errno.h>
#include <stdarg.h>

struct kent {
	struct kobject *k;
	void (*release)(struct kobject *);
	uintptr_t pc;
	char name[64];
	struct ms_mod *soft; /* soft reference taken on this module */
	int pinned;
	struct kent *next;
};
static pthread_mutex_t k_lock = PTHREAD_MUTEX_INITIALIZER;
static struct kent *kents;

struct kobject *kernel_kobj;

static struct kent *kent_of(struct kobject *k)
{
	for (struct kent *e = kents; e; e = e->next)
		if (e->k == k)
			return e;
	return NULL;
}

void __ms_kref_get(struct kref *kref) { __atomic_add_fetch(&kref->refcount.refs.counter, 1, __ATOMIC_SEQ_CST); }

struct relcall { void (*fn)(void *); void *arg; };
static void run_release(void *a)
{
	struct relcall *c = a;
	c->fn(c->arg);
}

/* Run a release method (kref or kobject) in module code. */
static void call_release(const char *kind, void (*fn)(void *), void *obj, uintptr_t setup_pc, uintptr_t put_pc,
			 const char *name)
{
	struct ms_mod *r = ms_freed_mod_of((uintptr_t)fn);
	if (r) {
		char fname[256] = "", file[512];
		int line, col;
		ms_symbolize((uintptr_t)fn, 0, file, sizeof(file), &line, &col, fname, sizeof(fname));
		if (!ms_f_append("missing-teardown", setup_pc ? setup_pc : (uintptr_t)fn, (uintptr_t)obj, put_pc, 1,
				 "the last reference was dropped here, after the module's memory was freed: the release "
				 "method would run freed code")) {
			struct ms_finding *f = ms_f_new("missing-teardown", r, setup_pc ? setup_pc : (uintptr_t)fn,
				setup_pc != 0,
				"release method '%s' of %s '%s' (in module '%s') is called after the module's memory was "
				"freed: the last reference outlived rmmod (Stern: module memory must outlive the "
				"references whose release calls into it)",
				fname[0] ? fname : "?", kind, name ? name : "?", r->name);
			if (put_pc)
				ms_f_note(f, put_pc, 1, "the last reference is dropped here");
			ms_f_note(f, (uintptr_t)fn, 0, "the release method");
			ms_f_key(f, setup_pc ? setup_pc : (uintptr_t)fn, (uintptr_t)obj);
			ms_f_commit(f);
		}
		return;
	}
	struct relcall c = {fn, obj};
	int save = ms_t.cb;
	ms_t.cb = MS_CB_RELEASE;
	ms_t.cb_fn = (uintptr_t)fn;
	ms_t.cb_site = setup_pc;
	if (ms_guarded_call(run_release, &c))
		ms_deferred_after_free("release method", obj, (uintptr_t)fn, setup_pc, put_pc, 1);
	ms_t.cb = save;
}

int __ms_kref_put(struct kref *kref, void (*release)(struct kref *kref))
{
	if (__atomic_sub_fetch(&kref->refcount.refs.counter, 1, __ATOMIC_SEQ_CST) != 0)
		return 0;
	call_release("kref", (void (*)(void *))release, kref, 0, MS_RET_PC(), NULL);
	return 1;
}

static void dynamic_release(struct kobject *k) { free(k); }
static const struct kobj_type dynamic_ktype = {.release = dynamic_release};

static void init_at(struct kobject *kobj, const struct kobj_type *ktype, uintptr_t pc)
{
	memset(kobj, 0, sizeof(*kobj));
	kobj->kref.refcount.refs.counter = 1;
	kobj->ktype = ktype;
	kobj->state_initialized = 1;
	kobj->ms_init_pc = pc;
	kobj->entry.next = kobj->entry.prev = &kobj->entry;
	struct kent *e = ms_xcalloc(1, sizeof(*e));
	e->k = kobj;
	e->release = ktype ? ktype->release : NULL;
	e->pc = pc;
	struct ms_mod *r = e->release ? ms_mod_by_text((uintptr_t)e->release) : NULL;
	if (r && ms_opts.soft_kobject_refs && ms_soft_get_internal(r))
		e->soft = r;
	pthread_mutex_lock(&k_lock);
	e->next = kents;
	kents = e;
	pthread_mutex_unlock(&k_lock);
}

void kobject_init(struct kobject *kobj, const struct kobj_type *ktype) { init_at(kobj, ktype, MS_RET_PC()); }

static int vadd(struct kobject *kobj, struct kobject *parent, const char *fmt, va_list ap)
{
	char name[64];
	vsnprintf(name, sizeof(name), fmt, ap);
	kobj->parent = parent;
	kobj->state_in_sysfs = 1;
	pthread_mutex_lock(&k_lock);
	struct kent *e = kent_of(kobj);
	if (e)
		snprintf(e->name, sizeof(e->name), "%s", name);
	pthread_mutex_unlock(&k_lock);
	kobj->name = e ? e->name : NULL;
	return 0;
}

int kobject_add(struct kobject *kobj, struct kobject *parent, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int r = vadd(kobj, parent, fmt, ap);
	va_end(ap);
	return r;
}

int kobject_init_and_add(struct kobject *kobj, const struct kobj_type *ktype, struct kobject *parent,
			 const char *fmt, ...)
{
	init_at(kobj, ktype, MS_RET_PC());
	va_list ap;
	va_start(ap, fmt);
	int r = vadd(kobj, parent, fmt, ap);
	va_end(ap);
	return r;
}

struct kobject *kobject_create_and_add(const char *name, struct kobject *parent)
{
	struct kobject *k = malloc(sizeof(*k));
	if (!k)
		return NULL;
	init_at(k, &dynamic_ktype, MS_RET_PC());
	kobject_add(k, parent, "%s", name);
	return k;
}

struct kobject *kobject_get(struct kobject *kobj)
{
	if (kobj)
		__atomic_add_fetch(&kobj->kref.refcount.refs.counter, 1, __ATOMIC_SEQ_CST);
	return kobj;
}

static void put_at(struct kobject *kobj, uintptr_t pc)
{
	if (!kobj)
		return;
	struct ms_mod *freed = ms_freed_mod_of((uintptr_t)kobj);
	pthread_mutex_lock(&k_lock);
	struct kent *e = kent_of(kobj), **pp;
	pthread_mutex_unlock(&k_lock);
	int last;
	if (freed) {
		/* the kobject itself is in freed module memory: count in our record */
		last = 1;
	} else
		last = __atomic_sub_fetch(&kobj->kref.refcount.refs.counter, 1, __ATOMIC_SEQ_CST) == 0;
	if (!last)
		return;
	pthread_mutex_lock(&k_lock);
	for (pp = &kents; *pp; pp = &(*pp)->next)
		if (*pp == e) {
			*pp = e->next;
			break;
		}
	pthread_mutex_unlock(&k_lock);
	void (*rel)(struct kobject *) = e ? e->release : (!freed && kobj->ktype ? kobj->ktype->release : NULL);
	if (rel)
		call_release("kobject", (void (*)(void *))rel, kobj, e ? e->pc : kobj->ms_init_pc, pc,
			     e ? e->name : NULL);
	if (e && e->soft)
		__module_put_soft(e->soft->m);
	free(e);
}

void kobject_put(struct kobject *kobj) { put_at(kobj, MS_RET_PC()); }

void kobject_del(struct kobject *kobj)
{
	if (kobj && !ms_freed_mod_of((uintptr_t)kobj))
		kobj->state_in_sysfs = 0;
}

static struct kent *by_name(const char *name)
{
	for (struct kent *e = kents; e; e = e->next)
		if (!strcmp(e->name, name))
			return e;
	return NULL;
}

/* The harness holds a kobject as an open sysfs attribute would. */
int ms_rt_kobject_pin(const char *name)
{
	pthread_mutex_lock(&k_lock);
	struct kent *e = by_name(name);
	if (e)
		e->pinned++;
	struct kobject *k = e ? e->k : NULL;
	pthread_mutex_unlock(&k_lock);
	if (!k)
		return -ENOENT;
	kobject_get(k);
	return 0;
}

int ms_rt_kobject_unpin(const char *name)
{
	pthread_mutex_lock(&k_lock);
	struct kent *e = NULL;
	for (struct kent *x = kents; x; x = x->next)
		if (!strcmp(x->name, name) && x->pinned) {
			e = x;
			break;
		}
	if (e)
		e->pinned--;
	struct kobject *k = e ? e->k : NULL;
	pthread_mutex_unlock(&k_lock);
	if (!k)
		return -ENOENT;
	put_at(k, 0);
	return 0;
}

void ms_kobject_scan(struct ms_mod *r, const char *check)
{
	struct kent hits[16];
	int nh = 0;
	pthread_mutex_lock(&k_lock);
	for (struct kent *e = kents; e && nh < 16; e = e->next)
		if (e->release && ms_addr_in_text(r, (uintptr_t)e->release))
			hits[nh++] = *e;
	pthread_mutex_unlock(&k_lock);
	for (int i = 0; i < nh; i++) {
		char fname[256] = "", file[512];
		int line, col;
		ms_symbolize((uintptr_t)hits[i].release, 0, file, sizeof(file), &line, &col, fname, sizeof(fname));
		struct ms_finding *f = ms_f_new(check, r, hits[i].pc, 1,
			"kobject '%s' initialised here is still referenced when module '%s' is freed, and its release "
			"method '%s' is module code: the last kobject_put() will call into freed memory (Stern's "
			"delayed-free case; soft references keep the module's memory until the release has run)",
			hits[i].name[0] ? hits[i].name : "?", r->name, fname[0] ? fname : "?");
		if (hits[i].pinned)
			ms_f_note(f, 0, 0, "a reference is held from outside the module (an open sysfs file)");
		ms_f_key(f, hits[i].pc, (uintptr_t)hits[i].k);
		ms_f_commit(f);
	}
}

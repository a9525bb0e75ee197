// SPDX-License-Identifier: GPL-2.0
/*
 * The module loader: a module built as a shared object (see modsafe-modcc)
 * is loaded like load_module/do_init_module and unloaded like
 * delete_module(2) of Linux 6.1 kernel/module/main.c. After unload its
 * memory is not returned: it is made PROT_NONE and kept mapped, so that any
 * later execution of its code (a timer, work item, kthread, release
 * method …) faults at once; the fault is caught on the runtime's own
 * threads, reported with the deferred object that went there, and the
 * thread recovers.
 */
#include "internal.h"

#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <gelf.h>
#include <libelf.h>
#include <link.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <ucontext.h>
#include <unistd.h>

struct ms_rt_options ms_opts = {.time_scale = 1.0};
pthread_mutex_t ms_module_mutex = PTHREAD_MUTEX_INITIALIZER;
static char tmpdir[4096];
static unsigned long load_counter;

/* ------------------------------------------------------------------------
 * Initialisation
 */
static pthread_once_t init_once = PTHREAD_ONCE_INIT;
static void do_init(void)
{
	ms_time_scale = ms_opts.time_scale > 0 ? ms_opts.time_scale : 1.0;
	ms_set_quiet(ms_opts.quiet);
	ms_report_set_quiet(ms_opts.quiet);
	if (ms_opts.tool_version)
		ms_tool_version = ms_opts.tool_version;
	(void)ms_virt_ns();
	if (!ms_t.name[0])
		ms_thread_init("harness");
	ms_signals_install();
	ms_timer_init();
	ms_wq_init();
	ms_tasklet_init();
	ms_rcu_init();
}

void ms_rt_init(const struct ms_rt_options *opts)
{
	if (opts)
		ms_opts = *opts;
	pthread_once(&init_once, do_init);
}

void ms_rt_ensure(void) { pthread_once(&init_once, do_init); }

static void wait_delayed_frees(void)
{
	for (int i = 0; i < ms_mod_count(); i++) {
		struct ms_mod *r = ms_mod_at(i);
		if (__atomic_load_n(&r->free_thread_started, __ATOMIC_ACQUIRE)) {
			pthread_join(r->free_thread, NULL);
			r->free_thread_started = 0;
		}
	}
}

void ms_rt_shutdown(void)
{
	wait_delayed_frees();
	ms_kthread_shutdown();
	ms_irq_shutdown();
	ms_rcu_shutdown();
	ms_wq_shutdown();
	ms_tasklet_shutdown();
	ms_timer_shutdown();
	ms_chardev_shutdown();
	ms_mod_restore_readable();
	for (int i = 0; i < ms_mod_count(); i++) {
		struct ms_mod *r = ms_mod_at(i);
		if (r->path && tmpdir[0])
			unlink(r->path);
	}
	if (tmpdir[0])
		rmdir(tmpdir);
}

/* ------------------------------------------------------------------------
 * ELF: symbols (for recognising functions in a stack and in the signal
 * handler), exports and imports.
 */
static int sym_cmp(const void *a, const void *b)
{
	const struct ms_sym *x = a, *y = b;
	return x->addr < y->addr ? -1 : x->addr > y->addr ? 1 : (x->size > y->size) - (x->size < y->size);
}

struct elf_info {
	struct ms_sym *syms;
	int nsyms;
	char **exports;
	int nexports;
	char **undefs;
	int nundefs;
};

static void push_str(char ***arr, int *n, const char *s)
{
	*arr = realloc(*arr, (size_t)(*n + 1) * sizeof(char *));
	if (!*arr)
		abort();
	(*arr)[(*n)++] = ms_xstrdup(s);
}

static int read_elf(const char *path, struct elf_info *ei)
{
	memset(ei, 0, sizeof(*ei));
	elf_version(EV_CURRENT);
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	Elf *e = elf_begin(fd, ELF_C_READ, NULL);
	if (!e) {
		close(fd);
		return -ENOEXEC;
	}
	int cap = 0;
	Elf_Scn *scn = NULL;
	while ((scn = elf_nextscn(e, scn))) {
		GElf_Shdr sh;
		if (!gelf_getshdr(scn, &sh) || (sh.sh_type != SHT_SYMTAB && sh.sh_type != SHT_DYNSYM))
			continue;
		Elf_Data *d = elf_getdata(scn, NULL);
		if (!d || !sh.sh_entsize)
			continue;
		size_t n = sh.sh_size / sh.sh_entsize;
		for (size_t i = 0; i < n; i++) {
			GElf_Sym s;
			if (!gelf_getsym(d, (int)i, &s))
				continue;
			const char *name = elf_strptr(e, sh.sh_link, s.st_name);
			if (!name || !name[0])
				continue;
			if (s.st_shndx == SHN_UNDEF) {
				if (sh.sh_type == SHT_DYNSYM)
					push_str(&ei->undefs, &ei->nundefs, name);
				continue;
			}
			int t = GELF_ST_TYPE(s.st_info);
			if (t != STT_FUNC && t != STT_OBJECT)
				continue;
			if (sh.sh_type == SHT_DYNSYM && !strncmp(name, "__ksymtab_", 10))
				push_str(&ei->exports, &ei->nexports, name + 10);
			if (ei->nsyms == cap) {
				cap = cap ? cap * 2 : 64;
				ei->syms = realloc(ei->syms, (size_t)cap * sizeof(*ei->syms));
				if (!ei->syms)
					abort();
			}
			ei->syms[ei->nsyms++] = (struct ms_sym){s.st_value, s.st_size, ms_xstrdup(name), t == STT_FUNC};
		}
	}
	elf_end(e);
	close(fd);
	qsort(ei->syms, (size_t)ei->nsyms, sizeof(*ei->syms), sym_cmp);
	return 0;
}

/* ------------------------------------------------------------------------
 * Loading
 */
static int copy_file(const char *from, const char *to)
{
	int in = open(from, O_RDONLY | O_CLOEXEC);
	if (in < 0)
		return -errno;
	int out = open(to, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0700);
	if (out < 0) {
		int e = -errno;
		close(in);
		return e;
	}
	char buf[65536];
	ssize_t k;
	int err = 0;
	while ((k = read(in, buf, sizeof(buf))) > 0)
		if (write(out, buf, (size_t)k) != k) {
			err = -EIO;
			break;
		}
	if (k < 0)
		err = -errno;
	close(in);
	if (close(out) != 0 && !err)
		err = -EIO;
	return err;
}

struct phdr_q { const char *path; struct ms_mod *r; int found; };
static int find_phdrs(struct dl_phdr_info *info, size_t size, void *data)
{
	struct phdr_q *q = data;
	(void)size;
	if (!info->dlpi_name || strcmp(info->dlpi_name, q->path))
		return 0;
	struct ms_mod *r = q->r;
	r->base = info->dlpi_addr;
	r->lo = UINTPTR_MAX;
	r->hi = 0;
	for (int i = 0; i < info->dlpi_phnum && r->nr < MS_MAX_RANGES; i++) {
		const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
		if (ph->p_type != PT_LOAD)
			continue;
		uintptr_t lo = info->dlpi_addr + ph->p_vaddr, hi = lo + ph->p_memsz;
		int prot = ((ph->p_flags & PF_R) ? 1 : 0) | ((ph->p_flags & PF_W) ? 2 : 0) | ((ph->p_flags & PF_X) ? 4 : 0);
		r->r[r->nr++] = (struct ms_range){lo, hi, prot, ph->p_offset == 0};
		if (lo < r->lo)
			r->lo = lo;
		if (hi > r->hi)
			r->hi = hi;
	}
	q->found = 1;
	return 1;
}

static void internal_put(struct ms_mod *r)
{
	__atomic_sub_fetch(&r->refcnt, 1, __ATOMIC_SEQ_CST);
}

struct init_call { struct ms_mod *r; int ret; };
static void call_init(void *a)
{
	struct init_call *c = a;
	c->ret = c->r->init ? c->r->init() : 0;
}
static void call_exit(void *a)
{
	struct ms_mod *r = a;
	if (r->exit)
		r->exit();
}

static void report_fault_in_call(struct ms_mod *r, const char *what);
static void free_module(struct ms_mod *r, int init_failed);

struct ms_mod *ms_rt_load(const char *so_path, int *init_ret, char *err, unsigned long errlen)
{
	ms_rt_ensure();
	if (init_ret)
		*init_ret = 0;
	char real[4096];
	if (!realpath(so_path, real)) {
		snprintf(err, errlen, "%s: %s", so_path, strerror(errno));
		return NULL;
	}
	pthread_mutex_lock(&ms_module_mutex);
	if (!tmpdir[0]) {
		const char *t = getenv("TMPDIR");
		snprintf(tmpdir, sizeof(tmpdir), "%s/modsafe-rt.XXXXXX", t && t[0] ? t : "/tmp");
		if (!mkdtemp(tmpdir)) {
			snprintf(err, errlen, "mkdtemp: %s", strerror(errno));
			tmpdir[0] = 0;
			pthread_mutex_unlock(&ms_module_mutex);
			return NULL;
		}
	}
	unsigned long id = ++load_counter;
	const char *base = strrchr(real, '/');
	base = base ? base + 1 : real;
	char copy[4096 + 64];
	snprintf(copy, sizeof(copy), "%s/%lu-%s", tmpdir, id, base);
	int e = copy_file(real, copy);
	if (e) {
		snprintf(err, errlen, "%s: copy: %s", real, strerror(-e));
		pthread_mutex_unlock(&ms_module_mutex);
		return NULL;
	}
	struct elf_info ei;
	if (read_elf(copy, &ei)) {
		snprintf(err, errlen, "%s: not an ELF shared object", real);
		pthread_mutex_unlock(&ms_module_mutex);
		return NULL;
	}
	struct ms_mod *r = ms_xcalloc(1, sizeof(*r));
	pthread_mutex_init(&r->lock, NULL);
	r->src_path = ms_xstrdup(real);
	r->path = ms_xstrdup(copy);
	r->load_id = id;
	r->state = MODULE_STATE_UNFORMED;
	r->export_names = ei.exports;
	r->nexports = ei.nexports;
	r->exports = ei.nexports > 0;
	/* imports from other modules: they may not be unloaded before us */
	for (int u = 0; u < ei.nundefs; u++) {
		for (int i = ms_mod_count() - 1; i >= 0; i--) {
			struct ms_mod *o = ms_mod_at(i);
			if (MS_LOAD(&o->freed) || MS_LOAD(&o->state) == MODULE_STATE_GOING)
				continue;
			int hit = 0;
			for (int k = 0; k < o->nexports && !hit; k++)
				hit = !strcmp(o->export_names[k], ei.undefs[u]);
			if (!hit)
				continue;
			int dup = 0;
			for (int k = 0; k < r->ndeps; k++)
				dup |= r->deps[k] == o;
			if (!dup && r->ndeps < 16)
				r->deps[r->ndeps++] = o;
			break;
		}
		free(ei.undefs[u]);
	}
	free(ei.undefs);
	r->handle = dlopen(copy, RTLD_NOW | (r->exports ? RTLD_GLOBAL : RTLD_LOCAL));
	if (!r->handle) {
		snprintf(err, errlen, "%s: %s", real, dlerror());
		pthread_mutex_unlock(&ms_module_mutex);
		return NULL;
	}
	struct phdr_q q = {copy, r, 0};
	dl_iterate_phdr(find_phdrs, &q);
	if (!q.found) {
		snprintf(err, errlen, "%s: loaded, but its mapping was not found", real);
		pthread_mutex_unlock(&ms_module_mutex);
		return NULL;
	}
	for (int i = 0; i < ei.nsyms; i++)
		ei.syms[i].addr += r->base;
	r->syms = ei.syms;
	r->nsyms = ei.nsyms;
	r->m = dlsym(r->handle, "__this_module");
	if (!r->m) {
		snprintf(err, errlen, "%s: no __this_module (build the module with modsafe-modcc)", real);
		pthread_mutex_unlock(&ms_module_mutex);
		return NULL;
	}
	snprintf(r->name, sizeof(r->name), "%s", r->m->name);
	for (int i = 0; i < ms_mod_count(); i++) {
		struct ms_mod *o = ms_mod_at(i);
		if (!strcmp(o->name, r->name) && !MS_LOAD(&o->freed) && MS_LOAD(&o->state) != MODULE_STATE_UNFORMED) {
			snprintf(err, errlen, "%s: module '%s' is already loaded (-EEXIST)", real, r->name);
			pthread_mutex_unlock(&ms_module_mutex);
			return NULL;
		}
	}
	if (r->m->ms_main_file)
		snprintf(r->main_file, sizeof(r->main_file), "%s", r->m->ms_main_file);
	if (r->m->ms_workdir)
		snprintf(r->workdir, sizeof(r->workdir), "%s", r->m->ms_workdir);
	r->init = r->m->init;
	r->exit = r->m->exit;
	r->m->ms_rt = r;
	/* module_unload_init: MODULE_REF_BASE, plus one held during init */
	r->refcnt = MS_REF_BASE + 1;
	for (int k = 0; k < r->ndeps; k++)
		__atomic_add_fetch(&r->deps[k]->nusers, 1, __ATOMIC_SEQ_CST);
	if (ms_mod_register(r)) {
		snprintf(err, errlen, "too many modules");
		pthread_mutex_unlock(&ms_module_mutex);
		return NULL;
	}
	ms_mod_set_state(r, MODULE_STATE_COMING);
	pthread_mutex_unlock(&ms_module_mutex);

	/* do_init_module */
	struct init_call c = {r, 0};
	struct ms_mod *prev = ms_t.initing;
	ms_t.initing = r;
	int faulted = ms_guarded_call(call_init, &c);
	ms_t.initing = prev;
	ms_hooks_observe(0);
	if (faulted) {
		report_fault_in_call(r, "init");
		c.ret = -EFAULT;
	}
	if (init_ret)
		*init_ret = c.ret;
	if (c.ret < 0) {
		r->init_failed = 1;
		ms_mod_set_state(r, MODULE_STATE_GOING);
		synchronize_rcu();
		internal_put(r);
		ms_log("%s: init failed (%d): freeing the module", r->name, c.ret);
		free_module(r, 1);
		return r;
	}
	ms_mod_set_state(r, MODULE_STATE_LIVE);
	pthread_mutex_lock(&ms_module_mutex);
	internal_put(r); /* Drop initial reference. */
	pthread_mutex_unlock(&ms_module_mutex);
	return r;
}

struct ms_mod *ms_rt_register_static_module(struct module *m, const char *name)
{
	ms_rt_ensure();
	struct ms_mod *r = ms_xcalloc(1, sizeof(*r));
	pthread_mutex_init(&r->lock, NULL);
	r->m = m;
	snprintf(r->name, sizeof(r->name), "%s", name);
	if (m)
		snprintf(m->name, sizeof(m->name), "%s", name);
	r->refcnt = MS_REF_BASE;
	r->exit = m ? m->exit : NULL;
	r->init = m ? m->init : NULL;
	r->state = MODULE_STATE_LIVE;
	if (m)
		m->state = MODULE_STATE_LIVE;
	ms_mod_register(r);
	return r;
}

struct ms_mod *ms_rt_find_module(const char *name)
{
	for (int i = ms_mod_count() - 1; i >= 0; i--)
		if (!strcmp(ms_mod_at(i)->name, name))
			return ms_mod_at(i);
	return NULL;
}

const char *ms_rt_module_name(const struct ms_mod *m) { return m->name; }
int ms_rt_module_state(const struct ms_mod *m) { return MS_LOAD(&m->freed) ? -1 : MS_LOAD(&m->state); }
int ms_rt_module_refcount(const struct ms_mod *m) { return MS_LOAD(&m->refcnt) - MS_REF_BASE; }

/* ------------------------------------------------------------------------
 * Unloading (delete_module)
 */
int ms_rt_delete_begin(struct ms_mod *r, int flags)
{
	int forced = flags & MS_RT_FORCE;
	pthread_mutex_lock(&ms_module_mutex);
	int ret = 0;
	if (MS_LOAD(&r->freed) || r->exit_done || r->init_failed) {
		ret = -ENOENT;
		goto out;
	}
	if (MS_LOAD(&r->nusers) > 0) {
		/* Other modules depend on us: get rid of them first. */
		ret = -EWOULDBLOCK;
		goto out;
	}
	if (MS_LOAD(&r->state) != MODULE_STATE_LIVE) {
		ret = -EBUSY; /* doing init or already dying */
		goto out;
	}
	if (r->init && !r->exit && !forced) {
		/* If it has an init func, it must have an exit func to unload */
		ret = -EBUSY;
		goto out;
	}
	/* try_stop_module / try_release_module_ref */
	int left = __atomic_sub_fetch(&r->refcnt, MS_REF_BASE, __ATOMIC_SEQ_CST);
	if (left < 0 && __atomic_load_n(&r->unbalanced_reported, __ATOMIC_SEQ_CST)) {
		__atomic_store_n(&r->refcnt, 0, __ATOMIC_SEQ_CST);
		left = 0;
	} else if (left < 0) {
		/* BUG_ON(ret < 0): more puts than gets */
		uintptr_t pcs[4] = {0};
		struct ms_finding *f = ms_f_new("put-unbalanced", r, 0, 0,
			"the reference count of '%s' is below its base when it is unloaded (%d): some module_put() "
			"had no matching get (Rule #1)", r->name, left);
		ms_f_stack(f, pcs, 0, 0, NULL);
		ms_f_key(f, (uintptr_t)r, 2);
		ms_f_commit(f);
		__atomic_store_n(&r->refcnt, 0, __ATOMIC_SEQ_CST);
		left = 0;
	}
	if (left) {
		int c = MS_LOAD(&r->refcnt), added = 0;
		while (c != 0)
			if (__atomic_compare_exchange_n(&r->refcnt, &c, c + MS_REF_BASE, 0, __ATOMIC_SEQ_CST,
							__ATOMIC_RELAXED)) {
				added = 1;
				break;
			}
		if (added && !forced) {
			ret = -EWOULDBLOCK;
			goto out;
		}
		if (added)
			__atomic_sub_fetch(&r->refcnt, MS_REF_BASE, __ATOMIC_SEQ_CST);
		r->forced = forced && added;
	}
	ms_mod_set_state(r, MODULE_STATE_GOING);
	/* Stern: "Don't let anyone free the module until we're done with it" */
	__atomic_add_fetch(&r->soft_refcnt, 1, __ATOMIC_SEQ_CST);
out:
	pthread_mutex_unlock(&ms_module_mutex);
	return ret;
}

static void check_unsafe_unload(struct ms_mod *r)
{
	const char *hook = NULL;
	int now = ms_hooks_point_into(r, &hook);
	if (!r->hook_seen && !now)
		return;
	uintptr_t exitfn = (uintptr_t)r->exit;
	struct ms_finding *f = ms_f_new("unsafe-unload", r, exitfn, 0,
		"module '%s' is being unloaded but handed '%s' (an unsafe interface: called with no module "
		"reference and no way to wait for a caller already inside) a callback into the module: its "
		"module_exit cannot make the unload safe (Rule #2: such a module must not have an exit)",
		r->name, r->hook_name ? r->hook_name : hook ? hook : "an unsafe hook");
	if (r->hook_pc)
		ms_f_note(f, r->hook_pc, 1, "'%s' was seen pointing into the module here",
			  r->hook_name ? r->hook_name : "the hook");
	if (now)
		ms_f_note(f, 0, 0, "'%s' still points into the module when the exit is called", hook);
	ms_f_key(f, exitfn, 0);
	ms_f_commit(f);
}

static void check_quiescence(struct ms_mod *r, const char *when, uintptr_t pc)
{
	if (!MS_LOAD(&r->unpublish_pending))
		return;
	struct ms_finding *f = ms_f_new("missing-quiescence", r, r->unpublish_pc, 1,
		"'%s' is unpublished here, but the exit %s without waiting for quiescence: a CPU that "
		"fetched the old pointer may still be running in the module (Phillips: stub out the call "
		"points, then wait until every CPU has passed a quiescent state; synchronize_rcu())",
		r->unpublish_what, when);
	if (pc)
		ms_f_note(f, pc, 1, "%s here", when);
	if (r->exit)
		ms_f_note(f, (uintptr_t)r->exit, 0, "in the module's exit function");
	ms_f_key(f, r->unpublish_pc, 0);
	ms_f_commit(f);
	MS_STORE(&r->unpublish_pending, 0);
}
void ms_quiescence_on_free(struct ms_mod *r, uintptr_t pc);
void ms_quiescence_on_free(struct ms_mod *r, uintptr_t pc) { check_quiescence(r, "frees memory", pc); }

int ms_rt_delete_finish(struct ms_mod *r)
{
	if (MS_LOAD(&r->state) != MODULE_STATE_GOING || r->exit_done)
		return -EINVAL;
	check_unsafe_unload(r);
	r->unloader_tid = ms_gettid();
	struct ms_mod *prev = ms_t.unloading;
	ms_t.unloading = r;
	int faulted = ms_guarded_call(call_exit, r);
	ms_t.unloading = prev;
	if (faulted)
		report_fault_in_call(r, "exit");
	check_quiescence(r, "returns", 0);
	MS_STORE(&r->exit_done, 1);
	for (int k = 0; k < r->ndeps; k++)
		__atomic_sub_fetch(&r->deps[k]->nusers, 1, __ATOMIC_SEQ_CST);
	/* the soft reference taken in delete_begin */
	if (__atomic_sub_fetch(&r->soft_refcnt, 1, __ATOMIC_SEQ_CST) == 0 || r->forced)
		free_module(r, 0);
	else {
		MS_STORE(&r->delayed_free, 1);
		ms_log("%s: exit done; memory kept until %d soft reference(s) are released", r->name,
		       MS_LOAD(&r->soft_refcnt));
	}
	return 0;
}

int ms_rt_delete_module(struct ms_mod *r, int flags)
{
	int e = ms_rt_delete_begin(r, flags);
	if (e)
		return e;
	return ms_rt_delete_finish(r);
}

/* The last soft reference went: free from a thread of our own, after the
 * threads still inside the module's code have left it and a grace period
 * (Stern's delayed_free_module: synchronize_kernel(), then free_module()). */
static void *delayed_free(void *a)
{
	struct ms_mod *r = a;
	ms_thread_init("delayed-free");
	for (int i = 0; i < 2000 && ms_inside_count(r) > 0; i++)
		ms_sleep_virt_ns(1000000ull * (uint64_t)(ms_time_scale > 1 ? ms_time_scale : 1));
	synchronize_rcu();
	free_module(r, 0);
	return NULL;
}

void ms_soft_release(struct ms_mod *r)
{
	if (!MS_LOAD(&r->delayed_free) || MS_LOAD(&r->freed))
		return;
	if (__atomic_exchange_n(&r->delayed_free, 0, __ATOMIC_SEQ_CST) == 0)
		return;
	if (pthread_create(&r->free_thread, NULL, delayed_free, r) == 0)
		MS_STORE(&r->free_thread_started, 1);
	else
		free_module(r, 0);
}

/* ------------------------------------------------------------------------
 * Freeing: first what debug_objects and friends would say about objects
 * still live in or pointing into the module, then the memory goes.
 */
void ms_mod_check_at_free(struct ms_mod *r, int init_failed)
{
	const char *check = init_failed ? "init-fail-after-unsafe" : "missing-teardown";
	ms_timer_scan(r, check);
	ms_wq_scan(r, check);
	ms_tasklet_scan(r, check);
	ms_irq_scan(r, check);
	ms_kthread_scan(r, check);
	ms_rcu_scan(r, check);
	ms_chardev_scan(r, check);
	ms_notifier_scan(r, check);
	ms_kobject_scan(r, check);
	const char *hook = NULL;
	if (init_failed && (r->hook_seen_in_init || ms_hooks_point_into(r, &hook))) {
		uintptr_t initfn = (uintptr_t)r->init;
		struct ms_finding *f = ms_f_new("init-fail-after-unsafe", r, initfn, 0,
			"the init of module '%s' failed after '%s' (an unsafe interface) was pointed into the module: "
			"the kernel may already be calling it, and the module is now freed (Rule #2: once an unsafe "
			"interface is used, init must succeed; register it last)",
			r->name, r->hook_name ? r->hook_name : hook ? hook : "a hook");
		if (r->hook_pc)
			ms_f_note(f, r->hook_pc, 1, "'%s' was seen pointing into the module here, during init",
				  r->hook_name ? r->hook_name : hook);
		if (hook)
			ms_f_note(f, 0, 0, "'%s' still points into the module after init returned", hook);
		ms_f_key(f, initfn, 0);
		ms_f_commit(f);
	}
	if (init_failed)
		check_quiescence(r, "fails", 0);
}

static void protect(struct ms_mod *r, int prot)
{
	long pg = sysconf(_SC_PAGESIZE);
	for (int i = 0; i < r->nr; i++) {
		/* The read-only segment with the ELF and program headers (and the
		 * dynamic symbols) stays readable: every dl_iterate_phdr() user
		 * (the unwinder, the sanitizers, libdw) reads the program headers
		 * of all loaded objects. The module's code and data go. */
		if (prot == PROT_NONE && r->r[i].hdr && r->r[i].prot == 1)
			continue;
		uintptr_t lo = r->r[i].lo & ~(uintptr_t)(pg - 1);
		uintptr_t hi = (r->r[i].hi + (uintptr_t)pg - 1) & ~(uintptr_t)(pg - 1);
		if (mprotect((void *)lo, hi - lo, prot) != 0)
			ms_log("%s: mprotect: %s", r->name, strerror(errno));
	}
}

void ms_mod_free_memory(struct ms_mod *r, const char *why)
{
	if (!r->nr)
		return;
	/* Mark first: from now on the runtime treats the memory as gone and
	 * the fault handler recognises it. */
	MS_STORE(&r->freed, 1);
	protect(r, PROT_NONE);
	ms_log("%s: module memory freed (%s): text and data are now PROT_NONE", r->name, why);
}

static void free_module(struct ms_mod *r, int init_failed)
{
	if (MS_LOAD(&r->freed))
		return;
	ms_mod_check_at_free(r, init_failed);
	ms_mod_set_state(r, MODULE_STATE_UNFORMED);
	ms_mod_free_memory(r, init_failed ? "init failed" : "unloaded");
}

void ms_mod_restore_readable(void)
{
	for (int i = 0; i < ms_mod_count(); i++) {
		struct ms_mod *r = ms_mod_at(i);
		if (MS_LOAD(&r->freed))
			protect(r, PROT_READ);
	}
}

/* ------------------------------------------------------------------------
 * Faults in freed module memory
 */
static struct sigaction old_segv, old_bus;

static void fault_handler(int sig, siginfo_t *si, void *ucv)
{
	ucontext_t *uc = ucv;
	uintptr_t pc = (uintptr_t)uc->uc_mcontext.gregs[REG_RIP];
	uintptr_t sp = (uintptr_t)uc->uc_mcontext.gregs[REG_RSP];
	uintptr_t fp = (uintptr_t)uc->uc_mcontext.gregs[REG_RBP];
	uintptr_t addr = (uintptr_t)si->si_addr;
	struct ms_mod *r = ms_freed_mod_of(pc);
	if (!r)
		r = ms_freed_mod_of(addr);
	if (r && ms_t.recover) {
		const struct ms_sym *s = ms_freed_mod_of(pc) ? ms_mod_sym(r, pc) : NULL;
		int at_entry = s && s->addr == pc;
		ms_t.fault_pc = pc;
		ms_t.fault_addr = addr;
		ms_t.fault_mod = r;
		ms_t.fault_n = ms_capture_from(pc, sp, fp, at_entry, ms_t.fault_frames, MS_MAX_FRAMES);
		siglongjmp(*ms_t.recover, 1);
	}
	/* not ours: the previous handler (ASan's, or the default action) */
	if (getenv("MODSAFE_RT_DEBUG")) {
		char b[200];
		int k = snprintf(b, sizeof(b), "modsafe-rt: fault pc=%#lx addr=%#lx mod=%s recover=%d tid=%d name=%s\n",
				 (unsigned long)pc, (unsigned long)addr, r ? r->name : "-", ms_t.recover != NULL, ms_t.tid, ms_t.name);
		if (write(2, b, (size_t)k) < 0) {
		}
		Dl_info di;
		if (dladdr((void *)pc, &di))
			fprintf(stderr, "modsafe-rt: pc in %s (%s+%#lx)\n", di.dli_fname, di.dli_sname ? di.dli_sname : "?",
				(unsigned long)(pc - (uintptr_t)(di.dli_saddr ? di.dli_saddr : di.dli_fbase)));
	}
	struct sigaction *old = sig == SIGBUS ? &old_bus : &old_segv;
	if ((old->sa_flags & SA_SIGINFO) && old->sa_sigaction) {
		old->sa_sigaction(sig, si, ucv);
		return;
	}
	if (old->sa_handler != SIG_DFL && old->sa_handler != SIG_IGN && old->sa_handler) {
		old->sa_handler(sig);
		return;
	}
	if (r)
		fprintf(stderr, "modsafe-run: fatal: code of module '%s' executed after the module was freed "
				"(pc %#lx, address %#lx) on a thread without recovery\n",
			r->name, (unsigned long)pc, (unsigned long)addr);
	signal(sig, SIG_DFL);
}

void ms_signals_install(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = fault_handler;
	sa.sa_flags = SA_SIGINFO | SA_NODEFER;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGSEGV, &sa, &old_segv);
	sigaction(SIGBUS, &sa, &old_bus);
}

struct saved_ctx { int preempt, softirq, hardirq, irqoff, bhoff, rcu, nreg, npin; };

int ms_guarded_call(void (*fn)(void *), void *arg)
{
	sigjmp_buf jb;
	sigjmp_buf *volatile prev = ms_t.recover;
	volatile int depth = ms_entries_depth();
	volatile struct saved_ctx s = {ms_t.preempt, ms_t.softirq, ms_t.hardirq, ms_t.irqoff,
				       ms_t.bhoff, ms_t.rcu, ms_t.nreg, ms_t.npin};
	if (sigsetjmp(jb, 0) == 0) {
		ms_t.recover = &jb;
		fn(arg);
		ms_t.recover = prev;
		return 0;
	}
	ms_t.recover = prev;
	ms_t.preempt = s.preempt;
	ms_t.softirq = s.softirq;
	ms_t.hardirq = s.hardirq;
	ms_t.irqoff = s.irqoff;
	ms_t.bhoff = s.bhoff;
	ms_t.rcu = s.rcu;
	ms_t.nreg = s.nreg;
	ms_t.npin = s.npin;
	ms_t.in_rt = 0;
	ms_entries_unwind(depth);
	return 1;
}

int ms_rt_guarded(void (*fn)(void *), void *arg) { return ms_guarded_call(fn, arg); }

static void report_fault_in_call(struct ms_mod *r, const char *what)
{
	struct ms_mod *fm = ms_t.fault_mod ? ms_t.fault_mod : r;
	struct ms_finding *f = ms_f_new("missing-teardown", fm, ms_t.fault_pc, 0,
		"the %s of module '%s' ran into the freed memory of module '%s'", what, r->name, fm->name);
	ms_f_stack(f, ms_t.fault_frames, ms_t.fault_n, 1, NULL);
	ms_f_key(f, ms_t.fault_pc, 7);
	ms_f_commit(f);
}

/* A deferred object ran, or was about to run, in a module whose memory is
 * gone. Added to the finding made when the module was freed (same object),
 * or a finding of its own. */
void ms_deferred_after_free(const char *kind, const void *obj, uintptr_t fn, uintptr_t setup_pc, uintptr_t arm_pc,
			    int faulted)
{
	struct ms_mod *r = ms_freed_mod_of(fn);
	if (!r)
		r = ms_freed_mod_of((uintptr_t)obj);
	if (!r && faulted)
		r = ms_t.fault_mod;
	char what[512], where[600] = "";
	if (arm_pc) {
		ms_describe_pc(arm_pc, 1, where, sizeof(where));
	}
	snprintf(what, sizeof(what), "the %s %s after the module's memory was freed%s%s%s", kind,
		 faulted ? "executed module code"
			 : ms_freed_mod_of((uintptr_t)obj) ? "fired (its object lies in the freed module memory)"
							   : "fired (its callback lies in the freed module text)",
		 arm_pc ? " (armed by " : "", where, arm_pc ? ")" : "");
	uintptr_t k1 = setup_pc ? setup_pc : fn;
	int added = ms_f_append("missing-teardown", k1, (uintptr_t)obj, faulted ? ms_t.fault_pc : fn, 0, what);
	if (faulted && added) {
		/* the stack of the fault, as further notes */
		char b[700];
		for (int i = 0; i < ms_t.fault_n && i < 6; i++) {
			char d[600];
			ms_describe_pc(ms_t.fault_frames[i], i > 0, d, sizeof(d));
			snprintf(b, sizeof(b), "  #%d %s", i, d);
			ms_f_append("missing-teardown", k1, (uintptr_t)obj, ms_t.fault_frames[i], i > 0, b);
		}
	}
	if (added)
		return;
	char fname[256] = "", file[512];
	int line, col;
	ms_symbolize(fn, 0, file, sizeof(file), &line, &col, fname, sizeof(fname));
	struct ms_finding *f = ms_f_new("missing-teardown", r, setup_pc ? setup_pc : fn, setup_pc != 0,
		"%s '%s' %s after module '%s' was unloaded and its memory freed: no synchronous teardown "
		"in the exit waited for it (Stern, Owens)", kind, fname[0] ? fname : "?",
		faulted ? "executed module code" : "fired", r ? r->name : "?");
	if (arm_pc)
		ms_f_note(f, arm_pc, 1, "armed here");
	if (faulted)
		ms_f_stack(f, ms_t.fault_frames, ms_t.fault_n, 1, "fault in freed module text");
	ms_f_key(f, k1, (uintptr_t)obj);
	ms_f_commit(f);
}

/* ------------------------------------------------------------------------
 * Entries into a module from outside its code while it is not LIVE
 */
void ms_entry_check(struct ms_mod *r, uintptr_t fn, uintptr_t site)
{
	int st = MS_LOAD(&r->state);
	if (st == MODULE_STATE_COMING) {
		ms_hooks_observe(site);
		return;
	}
	if (ms_t.in_rt)
		return;
	if (ms_t.unloading == r || ms_t.initing == r || ms_pinned(r))
		return;
	int exit_done = MS_LOAD(&r->exit_done);
	ms_t.in_rt = 1;
	char fname[256] = "", file[512];
	int line, col;
	ms_symbolize(fn, 0, file, sizeof(file), &line, &col, fname, sizeof(fname));
	uintptr_t pcs[MS_MAX_FRAMES];
	int n = ms_capture(pcs, MS_MAX_FRAMES);
	if (ms_t.cb != MS_CB_NONE && ms_t.cb != MS_CB_FOPS) {
		/* noncounting entries: allowed while the exit may still wait for
		 * them, and release methods while soft references keep the memory */
		int soft_kept = ms_t.cb == MS_CB_RELEASE && MS_LOAD(&r->soft_refcnt) > 0;
		if (exit_done && !soft_kept) {
			struct ms_finding *f = ms_f_new("missing-teardown", r, ms_t.cb_site ? ms_t.cb_site : fn,
				ms_t.cb_site != 0,
				"%s '%s' entered module '%s' after its exit returned: nothing in the exit waited for it "
				"(Stern, Owens)", ms_cb_kind_name(ms_t.cb), fname[0] ? fname : "?", r->name);
			if (ms_t.cb_site2)
				ms_f_note(f, ms_t.cb_site2, 1, "armed here");
			ms_f_stack(f, pcs, n, 0, NULL);
			ms_f_key(f, ms_t.cb_site ? ms_t.cb_site : fn, (uintptr_t)ms_t.cb_obj);
			ms_f_commit(f);
		}
		ms_t.in_rt = 0;
		return;
	}
	struct ms_mod *caller = ms_mod_by_text(site);
	if (caller && caller != r) {
		int dep = 0;
		for (int k = 0; k < caller->ndeps; k++)
			dep |= caller->deps[k] == r;
		if (!dep) {
			struct ms_finding *f = ms_f_new("unguarded-call", caller, site, 1,
				"module '%s' calls '%s' in module '%s' while '%s' is %s, holding no reference on it: "
				"try_module_get(owner) before the call would have failed and kept it out (Rule #1)",
				caller->name, fname[0] ? fname : "?", r->name, r->name,
				exit_done ? "unloaded" : "being unloaded");
			ms_f_note(f, fn, 0, "'%s' is entered here", fname[0] ? fname : "?");
			ms_f_stack(f, pcs, n, 0, NULL);
			ms_f_key(f, site, 0);
			ms_f_commit(f);
		}
	} else if (ms_t.vfs_file) {
		const struct file_operations *fop = ms_t.vfs_file->f_op;
		struct ms_finding *f = ms_f_new_data("missing-owner", r, (uintptr_t)fop, fn, NULL, 0,
			"%s() on an open file entered '%s' of module '%s' while the module is %s: its "
			"file_operations have no owner, so open took no module reference and could not keep the "
			"module loaded (Rule #1)", ms_t.vfs_op ? ms_t.vfs_op : "a file operation",
			fname[0] ? fname : "?", r->name, exit_done ? "unloaded" : "being unloaded");
		ms_f_note(f, fn, 0, "'%s' is entered here", fname[0] ? fname : "?");
		ms_f_key(f, (uintptr_t)fop, 0);
		ms_f_commit(f);
	} else if (!caller) {
		struct ms_finding *f = ms_f_new("unguarded-call", r, fn, 0,
			"'%s' in module '%s' was entered from outside without a module reference while the module is "
			"%s (Rule #1)", fname[0] ? fname : "?", r->name, exit_done ? "unloaded" : "being unloaded");
		ms_f_stack(f, pcs, n, 0, NULL);
		ms_f_key(f, fn, 0);
		ms_f_commit(f);
	}
	ms_t.in_rt = 0;
}

int ms_rt_report_ref_leak(struct ms_mod *r)
{
	struct ms_getent g[32];
	int n = ms_outstanding_gets(r, g, 32), reported = 0;
	for (int i = 0; i < n; i++) {
		int dup = 0;
		for (int j = 0; j < i; j++)
			dup |= g[j].pc == g[i].pc;
		if (dup)
			continue;
		int same = 0;
		for (int j = 0; j < n; j++)
			same += g[j].pc == g[i].pc;
		struct ms_mod *at = ms_mod_by_text(g[i].pc - 1);
		struct ms_finding *f = ms_f_new("ref-leak", at ? at : r, g[i].pc, 1,
			"a reference on module '%s' taken here (%s) is still held when the module is to be unloaded "
			"(%d such reference%s): some path after the get returned without module_put(), so the module "
			"can never be unloaded (Rule #1)", r->name, g[i].what, same, same == 1 ? "" : "s");
		ms_f_note(f, 0, 0, "delete_module() fails with -EWOULDBLOCK: module_refcount() is %d",
			  MS_LOAD(&r->refcnt) - MS_REF_BASE);
		ms_f_key(f, g[i].pc, 3);
		if (ms_f_commit(f))
			reported++;
	}
	return n;
}

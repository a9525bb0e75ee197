/* SPDX-License-Identifier: GPL-2.0 */
/* libmodsafe-rt: internal interfaces. */
#ifndef MODSAFE_RT_INTERNAL_H
#define MODSAFE_RT_INTERNAL_H
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <pthread.h>
#include <setjmp.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "modsafe/kabi.h"
#include "modsafe/rt.h"

#define MS_TLS __thread __attribute__((tls_model("initial-exec")))
#define MS_RET_PC() ((uintptr_t)__builtin_return_address(0))
#define MS_LOAD(p) __atomic_load_n((p), __ATOMIC_ACQUIRE)
#define MS_STORE(p, v) __atomic_store_n((p), (v), __ATOMIC_RELEASE)
#define MS_REF_BASE 1 /* MODULE_REF_BASE of kernel/module/main.c */

/* ---- modules ---- */
#define MS_MAX_MODS 256
#define MS_MAX_RANGES 16
struct ms_range { uintptr_t lo, hi; int prot; int hdr; /* holds the ELF and program headers */ };
struct ms_sym { uintptr_t addr, size; char *name; int func; };
struct ms_getent {
	uintptr_t pc;		/* call site of the get */
	uintptr_t func;		/* start of the function that took it */
	const void *tag;	/* the file whose open took it (harness refs) */
	int tid;
	const char *what;	/* a string literal */
};

struct ms_mod {
	struct module *m;
	char name[64];
	char *src_path;		/* the shared object given */
	char *path;		/* the private copy that was dlopen'd */
	void *handle;
	uintptr_t base;
	struct ms_range r[MS_MAX_RANGES];
	int nr;
	uintptr_t lo, hi;	/* hull of all ranges */
	struct ms_sym *syms;	/* sorted by address */
	int nsyms;
	int state;		/* enum module_state, authoritative */
	int refcnt;		/* as the kernel's mod->refcnt (MODULE_REF_BASE based) */
	int soft_refcnt;	/* Stern's soft references */
	int freed;		/* memory gone (PROT_NONE) */
	int exit_done;		/* the exit function returned */
	int init_failed;
	int forced;
	int unloader_tid;
	int unbalanced_reported;
	int (*init)(void);
	void (*exit)(void);
	char main_file[512];
	char workdir[512];
	pthread_mutex_t lock;	/* the get log */
	struct ms_getent *gets;
	int ngets, capgets;
	struct ms_mod *deps[16];	/* modules whose exports this one uses */
	int ndeps;
	int exports;
	char **export_names;
	int nexports;
	int nusers;		/* modules using our exports (source_list) */
	int delayed_free;	/* waiting for the last soft reference */
	pthread_t free_thread;
	int free_thread_started;
	/* unsafe hooks seen pointing into the module */
	int hook_seen;
	const char *hook_name;
	uintptr_t hook_pc;	/* where it was observed */
	int hook_seen_in_init;
	/* unpublished RCU entry point without a grace period since */
	int unpublish_pending;
	uintptr_t unpublish_pc;
	char unpublish_what[64];
	uintptr_t going_pc;	/* harness/unload site, informational */
	unsigned long load_id;
};

struct ms_mod *ms_mod_by_struct(const struct module *m);
struct ms_mod *ms_mod_by_addr(uintptr_t a);
struct ms_mod *ms_mod_by_text(uintptr_t a);
int ms_mod_count(void);
struct ms_mod *ms_mod_at(int i);
int ms_mod_register(struct ms_mod *r);
int ms_addr_in_mod(const struct ms_mod *r, uintptr_t a);
int ms_addr_in_text(const struct ms_mod *r, uintptr_t a);
struct ms_mod *ms_freed_mod_of(uintptr_t a); /* async-signal-safe */
const struct ms_sym *ms_mod_sym(const struct ms_mod *r, uintptr_t a);
uintptr_t ms_func_start(uintptr_t pc);
void ms_mod_free_memory(struct ms_mod *r, const char *why);
void ms_mod_check_at_free(struct ms_mod *r, int init_failed);
void ms_mod_set_state(struct ms_mod *r, int state);
void ms_mod_restore_readable(void);

/* ---- per-thread context ---- */
enum ms_cb {
	MS_CB_NONE, MS_CB_TIMER, MS_CB_WORK, MS_CB_TASKLET, MS_CB_IRQ, MS_CB_IRQ_THREAD,
	MS_CB_RCU, MS_CB_KTHREAD, MS_CB_RELEASE, MS_CB_NOTIFIER, MS_CB_HOOK, MS_CB_FOPS,
};
enum ms_region_kind {
	MS_R_SPIN, MS_R_SPIN_BH, MS_R_SPIN_IRQ, MS_R_READ, MS_R_WRITE, MS_R_RCU,
	MS_R_PREEMPT, MS_R_IRQOFF, MS_R_BHOFF,
};
struct ms_region { int kind; uintptr_t pc; const void *lock; };
#define MS_MAX_FRAMES 32
struct ms_pin { struct ms_mod *m; int n; };

struct ms_thr {
	int tid;
	char name[40];
	int preempt, softirq, hardirq, irqoff, bhoff, rcu;
	struct ms_region reg[32];
	int nreg;
	/* the deferred object this thread is running, if any */
	int cb;
	const void *cb_obj;
	uintptr_t cb_fn;
	uintptr_t cb_site;	/* where it was set up / armed */
	uintptr_t cb_site2;
	/* recovery from a fault in freed module memory */
	sigjmp_buf *recover;
	uintptr_t fault_pc, fault_addr;
	int fault_n;
	uintptr_t fault_frames[MS_MAX_FRAMES];
	struct ms_mod *fault_mod;
	struct ms_task *task;
	struct ms_mod *unloading;	/* running this module's exit */
	struct ms_mod *initing;		/* running this module's init */
	struct ms_pin pin[8];		/* modules pinned for the call in progress */
	int npin;
	const struct file *vfs_file;	/* harness VFS call in progress */
	/* a put in ->open that consumed the file's own reference: legitimate
	 * only if ->open replaced the file's operations (replace_fops) */
	struct ms_mod *consumed_mod;
	uintptr_t consumed_pc;
	int consumed_n;
	uintptr_t consumed_frames[16];
	const char *vfs_op;
	uintptr_t stack_lo, stack_hi;
	int in_rt;			/* reentrancy guard for the entry hook */
};
extern MS_TLS struct ms_thr ms_t;
void ms_thread_init(const char *name);
int ms_gettid(void);
void ms_pin_push(struct ms_mod *m);
void ms_pin_pop(struct ms_mod *m);
int ms_pinned(struct ms_mod *m);

/* ---- findings ---- */
struct ms_finding;
int ms_capture(uintptr_t *pcs, int max);
struct ms_finding *ms_f_new(const char *check, struct ms_mod *mod, uintptr_t pc, int pc_is_ret,
			    const char *fmt, ...) __attribute__((format(printf, 5, 6)));
void ms_f_note(struct ms_finding *f, uintptr_t pc, int is_ret, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
void ms_f_stack(struct ms_finding *f, const uintptr_t *pcs, int n, int first_exact, const char *title);
void ms_f_key(struct ms_finding *f, uintptr_t k1, uintptr_t k2);
/* commit: returns 1 if new, 0 if merged into an existing finding with the same key */
int ms_f_commit(struct ms_finding *f);
/* primary location = the innermost frame of the stack that lies in module code */
uintptr_t ms_first_module_frame(const uintptr_t *pcs, int n, int *is_ret, struct ms_mod **mod);
int ms_symbolize(uintptr_t pc, int is_ret, char *file, size_t fl, int *line, int *col, char *func, size_t fn);
void ms_describe_pc(uintptr_t pc, int is_ret, char *buf, size_t n);
void ms_log(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void ms_report_reset(void);

/* ---- sleeping / atomic ---- */
int ms_atomic_now(void);
void ms_check_sleep(const char *what, uintptr_t caller);

/* ---- subsystems ---- */
void ms_timer_init(void);
void ms_timer_shutdown(void);
void ms_timer_scan(struct ms_mod *r, const char *check);
void ms_timer_arm_internal(struct timer_list *t, unsigned long expires, uintptr_t pc);
int ms_timer_del_internal(struct timer_list *t, int sync, uintptr_t pc);
void ms_wq_init(void);
void ms_wq_shutdown(void);
void ms_wq_scan(struct ms_mod *r, const char *check);
void ms_wq_queue_internal(struct workqueue_struct *wq, struct work_struct *w, uintptr_t pc);
void ms_tasklet_init(void);
void ms_tasklet_shutdown(void);
void ms_tasklet_scan(struct ms_mod *r, const char *check);
void ms_irq_scan(struct ms_mod *r, const char *check);
void ms_irq_shutdown(void);
void ms_kthread_scan(struct ms_mod *r, const char *check);
void ms_kthread_shutdown(void);
void ms_rcu_init(void);
void ms_rcu_shutdown(void);
void ms_rcu_scan(struct ms_mod *r, const char *check);
void ms_chardev_scan(struct ms_mod *r, const char *check);
void ms_chardev_shutdown(void);
void ms_notifier_scan(struct ms_mod *r, const char *check);
void ms_kobject_scan(struct ms_mod *r, const char *check);
void ms_hooks_observe(uintptr_t pc);
int ms_hooks_point_into(struct ms_mod *r, const char **name);
void ms_quiesce_note_grace_period(void);

/* ---- faults ---- */
void ms_signals_install(void);
/* Run fn(arg) with recovery from a fault in freed module memory: returns 0
 * if it ran to completion, 1 if it faulted (ms_t.fault_* describe it). */
int ms_guarded_call(void (*fn)(void *), void *arg);

/* executors report a deferred object that ran (or was about to run) in
 * freed module memory; obj_in_freed: the object itself is in freed memory */
void ms_deferred_after_free(const char *kind, const void *obj, uintptr_t fn, uintptr_t setup_pc,
			    uintptr_t arm_pc, int faulted);
void ms_rt_ensure(void);
const char *ms_cb_kind_name(int cb);
void ms_region_enter(int kind, uintptr_t pc, const void *lock);
void ms_region_leave(int kind, const void *lock);
struct ms_finding *ms_f_new_data(const char *check, struct ms_mod *mod, uintptr_t addr, uintptr_t fallback_pc,
				 char *name_out, size_t nl, const char *fmt, ...) __attribute__((format(printf, 7, 8)));
void ms_f_note_at(struct ms_finding *f, const char *file, int line, int col, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));
int ms_f_append(const char *check, uintptr_t k1, uintptr_t k2, uintptr_t pc, int is_ret, const char *msg);
int ms_symbolize_data(uintptr_t addr, char *file, size_t fl, int *line, int *col, char *name, size_t nl);
int ms_capture_from(uintptr_t pc, uintptr_t sp, uintptr_t fp, int at_entry, uintptr_t *pcs, int max);
int ms_try_get_tagged(struct module *m, const void *tag, uintptr_t pc);
void ms_vfs_open_done(struct file *file, const struct file_operations *before, int err);
void ms_put_tagged(struct module *m, const void *tag, uintptr_t pc);
int ms_outstanding_gets(struct ms_mod *r, struct ms_getent *out, int max);
void ms_soft_release(struct ms_mod *r);
int ms_soft_get_internal(struct ms_mod *r);
int ms_inside_count(struct ms_mod *r);
void ms_entries_unwind(int keep);
int ms_entries_depth(void);
void ms_set_quiet(int q);
void ms_report_set_quiet(int q);
extern const char *ms_tool_version;
extern struct ms_rt_options ms_opts;
extern pthread_mutex_t ms_module_mutex;
void ms_fail_point_hit(uintptr_t pc);
int ms_alloc_should_fail(void);

/* ---- allocation and time ---- */
void *ms_xmalloc(size_t n);
void *ms_xcalloc(size_t n, size_t m);
char *ms_xstrdup(const char *s);
uint64_t ms_mono_ns(void);
uint64_t ms_virt_ns(void); /* scaled time since start */
void ms_sleep_virt_ns(uint64_t ns);
void ms_cond_wait_virt(pthread_cond_t *c, pthread_mutex_t *m, uint64_t deadline_virt_ns);
uint64_t ms_jiffies_to_ns(long j);
extern double ms_time_scale;

/* ---- tasks ---- */
struct ms_task {
	struct task_struct ts;
	pthread_t thread;
	pthread_mutex_t lock;
	pthread_cond_t cond;
	int woken, started, should_stop, exited, exiting, killed, joined;
	long result;
	int (*fn)(void *);
	void *data;
	uintptr_t site;		/* kthread_create call site */
	struct ms_mod *mod;	/* module of threadfn */
	sigjmp_buf exit_jb;
	int kthread;
	struct wait_queue_head *waiting_wq;
	struct ms_task *next;
};
struct ms_task *ms_task_self(void);

#endif

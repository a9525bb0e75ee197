/* SPDX-License-Identifier: GPL-2.0 */
/*
 * libmodsafe-rt: the harness side of the runtime shim, used by modsafe-run,
 * the tests and the benchmark (module code never includes this).
 */
#ifndef MODSAFE_RT_H
#define MODSAFE_RT_H
#include "modsafe/kabi.h"

struct ms_mod;

struct ms_rt_options {
	double time_scale;		/* jiffies run this many times faster than real time */
	int quiet;			/* no diagnostics on stderr */
	int verbose;
	int soft_kobject_refs;		/* Stern's patch: kobjects with a release in a module take a soft reference */
	const char *tool_version;
};

/* Set up the runtime (executors, signal handling). Idempotent. */
void ms_rt_init(const struct ms_rt_options *opts);
/* Stop the executors; freed module memory is made readable (never
 * executable) again so that leak checkers can scan it. */
void ms_rt_shutdown(void);
/* Name the calling thread in findings ("harness", "worker 3"). */
void ms_rt_thread_enter(const char *name);

/* ---- modules ---- */
/* Load a module built as a shared object and run its init, as
 * load_module/do_init_module. Returns NULL with err filled when it cannot
 * be loaded; *init_ret is init's result (the module is gone if < 0). */
struct ms_mod *ms_rt_load(const char *so_path, int *init_ret, char *err, unsigned long errlen);
/* delete_module(2): O_NONBLOCK semantics; MS_RT_FORCE unloads even with
 * references (CONFIG_MODULE_FORCE_UNLOAD). 0 or -errno. */
#define MS_RT_FORCE 1
int ms_rt_delete_module(struct ms_mod *m, int flags);
/* The same in two steps: stop the module (refcount check, state GOING) and
 * pause there, then run its exit and free it. */
int ms_rt_delete_begin(struct ms_mod *m, int flags);
int ms_rt_delete_finish(struct ms_mod *m);
struct ms_mod *ms_rt_find_module(const char *name);
const char *ms_rt_module_name(const struct ms_mod *m);
int ms_rt_module_state(const struct ms_mod *m);	/* enum module_state, or -1 when freed */
int ms_rt_module_refcount(const struct ms_mod *m);	/* module_refcount() */
/* References still held on a module that is to be unloaded, other than the
 * harness's own open files: a ref-leak finding at each get. Returns how many. */
int ms_rt_report_ref_leak(struct ms_mod *m);
/* Register a struct module compiled into the calling program (tests, bench). */
struct ms_mod *ms_rt_register_static_module(struct module *m, const char *name);

/* ---- files (the VFS as the kernel's chrdev_open/misc_open) ---- */
int ms_rt_open(const char *path, int flags, struct file **out);
long ms_rt_read(struct file *f, void *buf, unsigned long n);
long ms_rt_write(struct file *f, const void *buf, unsigned long n);
long ms_rt_ioctl(struct file *f, unsigned int cmd, unsigned long arg);
int ms_rt_close(struct file *f);

/* ---- other ways into a module ---- */
int ms_rt_fire_irq(unsigned int irq);		/* number of handlers run */
int ms_rt_power_off(void);			/* calls pm_power_off and the sys-off handlers */
int ms_rt_call_hook(const char *symbol, long arg, long *ret); /* call an RCU-published hook */
int ms_rt_kobject_pin(const char *name);	/* kobject_get, as an open sysfs file does */
int ms_rt_kobject_unpin(const char *name);	/* and its kobject_put */

/* ---- fault injection, time ---- */
void ms_rt_fail_alloc(int nth);			/* the nth allocation from now fails (1 = next) */
void ms_rt_sleep_ms(unsigned int ms);		/* let (scaled) time pass */
/* Run fn(arg) with recovery from a fault in freed module memory. */
int ms_rt_guarded(void (*fn)(void *), void *arg);

/* ---- findings ---- */
int ms_rt_finding_count(const char *check);	/* NULL: all */
/* One report per loaded module, in the plugin's per-TU format. */
int ms_rt_write_reports(const char *dir);
void ms_rt_reset_findings(void);
#endif

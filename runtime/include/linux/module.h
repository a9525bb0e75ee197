/* SPDX-License-Identifier: GPL-2.0 */
/*
 * modsafe runtime shim: modules. THIS_MODULE is &__this_module (defined by
 * the generated <module>.mod.c, as modpost's), module_init/module_exit make
 * the init_module/cleanup_module aliases of a loadable module, and the
 * reference count has kernel/module/main.c's semantics (try_module_get
 * fails once the module is GOING; __module_get never fails; module_put
 * detects underflow).
 */
#ifndef _LINUX_MODULE_H
#define _LINUX_MODULE_H
#include <linux/types.h>
#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/stat.h>
#include <linux/compiler.h>
#include <linux/init.h>
#include <linux/export.h>
#include <linux/moduleparam.h>
#include <linux/kobject.h>
#include <linux/errno.h>

extern struct module __this_module;

#define module_init(initfn)						\
	static inline __attribute__((no_instrument_function)) initcall_t __maybe_unused __inittest(void) \
	{ return initfn; }						\
	int init_module(void) __copy(initfn) __attribute__((alias(#initfn)));
#define module_exit(exitfn)						\
	static inline __attribute__((no_instrument_function)) exitcall_t __maybe_unused __exittest(void) \
	{ return exitfn; }						\
	void cleanup_module(void) __copy(exitfn) __attribute__((alias(#exitfn)));
/* Built-in initcall levels all behave as module_init for a loaded module. */
#define early_initcall(fn) module_init(fn)
#define core_initcall(fn) module_init(fn)
#define subsys_initcall(fn) module_init(fn)
#define fs_initcall(fn) module_init(fn)
#define device_initcall(fn) module_init(fn)
#define late_initcall(fn) module_init(fn)

#define __MODULE_INFO(tag, name, info)
#define MODULE_INFO(tag, info)
#define MODULE_LICENSE(_license)
#define MODULE_AUTHOR(_author)
#define MODULE_DESCRIPTION(_description)
#define MODULE_VERSION(_version)
#define MODULE_ALIAS(_alias)
#define MODULE_SOFTDEP(_softdep)
#define MODULE_FIRMWARE(_firmware)
#define MODULE_IMPORT_NS(ns)
#define MODULE_DEVICE_TABLE(type, name)

__ms_inline bool module_is_live(struct module *mod) { return __ms_module_is_live(mod); }
#define module_put_and_kthread_exit(code) __module_put_and_kthread_exit(THIS_MODULE, code)
#define module_put_and_exit(code) __module_put_and_kthread_exit(THIS_MODULE, code)
#define module_name(mod) ((mod) ? (mod)->name : "kernel")
#define symbol_get(x) (&(x))
#define symbol_put(x) do { } while (0)

/* Alan Stern's soft references ("[RFC as402] Delaying module memory
 * release", 2004): not in Linux, provided by the shim so that the delayed
 * free of module memory can be modelled. */
#define try_module_get_soft() __try_module_get_soft(THIS_MODULE)
#define module_put_soft() __module_put_soft(THIS_MODULE)
#define module_put_soft_and_exit(code) __module_put_soft_and_exit(THIS_MODULE, code)
#endif

/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_EXPORT_H
#define _LINUX_EXPORT_H
/* An exported symbol leaves a __ksymtab_<sym> marker the loader looks for:
 * a module with exports is loaded RTLD_GLOBAL, and a module that uses them
 * depends on it (delete_module refuses to unload it first, as the kernel). */
#define __MS_EXPORT(sym, license)						\
	extern __typeof__(sym) sym;						\
	__attribute__((used, visibility("default"))) const char __ksymtab_##sym[] = license #sym
#define EXPORT_SYMBOL(sym) __MS_EXPORT(sym, "")
#define EXPORT_SYMBOL_GPL(sym) __MS_EXPORT(sym, "GPL:")
#define EXPORT_SYMBOL_NS(sym, ns) __MS_EXPORT(sym, "")
#define EXPORT_SYMBOL_NS_GPL(sym, ns) __MS_EXPORT(sym, "GPL:")
#define THIS_MODULE (&__this_module)
#endif

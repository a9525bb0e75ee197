/* SPDX-License-Identifier: GPL-2.0 */
/*
 * modsafe test stub -- mirrors include/linux/smp.h (Linux 6.1, CONFIG_SMP;
 * subset) with x86's raw_smp_processor_id()/__smp_processor_id()
 * (this_cpu_read(cpu_number): a per-cpu load after the
 * __this_cpu_preempt_check() call; here a plain read).  get_cpu() is preempt_disable() + __smp_processor_id(), put_cpu()
 * is preempt_enable(): macros that produce no call without
 * CONFIG_PREEMPT_COUNT.  smp_processor_id() calls
 * debug_smp_processor_id() with CONFIG_DEBUG_PREEMPT.
 */
#ifndef __LINUX_SMP_H
#define __LINUX_SMP_H

#include <linux/types.h>
#include <linux/preempt.h>

/* percpu-defs.h */
#ifdef CONFIG_DEBUG_PREEMPT
extern void __this_cpu_preempt_check(const char *op);
#else
static inline void __this_cpu_preempt_check(const char *op) { }
#endif

/* arch/x86/include/asm/smp.h (per-cpu cpu_number) */
extern int cpu_number;
#define raw_smp_processor_id()  READ_ONCE(cpu_number)
#define __smp_processor_id() ({ __this_cpu_preempt_check("read"); READ_ONCE(cpu_number); })

#ifdef CONFIG_DEBUG_PREEMPT
  extern unsigned int debug_smp_processor_id(void);
# define smp_processor_id() debug_smp_processor_id()
#else
# define smp_processor_id() __smp_processor_id()
#endif

#define get_cpu()		({ preempt_disable(); __smp_processor_id(); })
#define put_cpu()		preempt_enable()

struct cpumask;

typedef void (*smp_call_func_t)(void *info);
int smp_call_function_single(int cpuid, smp_call_func_t func, void *info,
			     int wait);
void on_each_cpu_cond_mask(bool (*cond_func)(int cpu, void *info),
			   smp_call_func_t func, void *info, bool wait,
			   const struct cpumask *mask);

#endif /* __LINUX_SMP_H */

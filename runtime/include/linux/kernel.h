/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_KERNEL_H
#define _LINUX_KERNEL_H
#include <linux/types.h>
#include <linux/stddef.h>
#include <linux/compiler.h>
#include <linux/stringify.h>
#include <linux/container_of.h>
#include <linux/bits.h>
#include <linux/limits.h>
#include <linux/minmax.h>
#include <linux/math.h>
#include <linux/printk.h>
#include <linux/bug.h>
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/kstrtox.h>
#include <linux/sprintf.h>
#include <linux/typecheck.h>

#define ARRAY_SIZE(arr) (sizeof(arr) / sizeof((arr)[0]) + __must_be_array(arr))
#define ALIGN(x, a) (((x) + ((__typeof__(x))(a) - 1)) & ~((__typeof__(x))(a) - 1))
#define ALIGN_DOWN(x, a) ((x) & ~((__typeof__(x))(a) - 1))
#define IS_ALIGNED(x, a) (((x) & ((__typeof__(x))(a) - 1)) == 0)
#define PTR_ALIGN(p, a) ((__typeof__(p))ALIGN((unsigned long)(p), (a)))
#define upper_32_bits(n) ((u32)(((n) >> 16) >> 16))
#define lower_32_bits(n) ((u32)((n) & 0xffffffff))
#define FIELD_SIZEOF(t, f) (sizeof(((t *)0)->f))
#define might_sleep() __ms_might_sleep("might_sleep")
#define might_sleep_if(cond) do { if (cond) might_sleep(); } while (0)
#define might_fault() __ms_might_fault()
#define cant_sleep() do { } while (0)
#define non_block_start() do { } while (0)
#define non_block_end() do { } while (0)
#define cond_resched() ({ __ms_cond_resched(); 0; })
#define cpu_relax() __asm__ __volatile__("pause" ::: "memory")
#define _RET_IP_ ((unsigned long)__builtin_return_address(0))
#define _THIS_IP_ ({ __label__ __here; __here: (unsigned long)&&__here; })
#define TAINT_PROPRIETARY_MODULE 0
#define add_taint(flag, lockdep) do { } while (0)
#define do_div(n, base) ({ u32 __base = (base); u32 __rem = (u32)((n) % __base); (n) = (n) / __base; __rem; })
#define lockdep_assert_held(l) do { (void)(l); } while (0)
#define lockdep_assert_irqs_disabled() do { } while (0)
#define lockdep_assert_irqs_enabled() do { } while (0)
#define num_online_cpus() 2U
#define num_possible_cpus() 2U
#define nr_cpu_ids 2U
#define smp_processor_id() __ms_cpu_id()
#define raw_smp_processor_id() __ms_cpu_id()
#define get_cpu() ({ __ms_preempt_disable(); __ms_cpu_id(); })
#define put_cpu() __ms_preempt_enable()
#define hex_asc "0123456789abcdef"
extern int oops_in_progress;
#endif

/* SPDX-License-Identifier: GPL-2.0 */
#ifndef __LINUX_COMPILER_TYPES_H
#define __LINUX_COMPILER_TYPES_H
#include <linux/compiler_attributes.h>
#include <linux/kconfig.h>
#define __user
#define __kernel
#define __iomem
#define __percpu
#define __rcu
#define __force
#define __nocast
#define __safe
#define __private
#define __bitwise
#define __must_hold(x)
#define __acquires(x)
#define __releases(x)
#define __acquire(x) (void)0
#define __release(x) (void)0
#define __cond_lock(x, c) (c)
#define __randomize_layout
#define __no_randstruct
#define __latent_entropy
#define __cacheline_aligned __attribute__((__aligned__(64)))
#define __cacheline_aligned_in_smp __cacheline_aligned
#define ____cacheline_aligned __cacheline_aligned
#define ____cacheline_aligned_in_smp __cacheline_aligned
#define __read_mostly
#define __ro_after_init
#define notrace __attribute__((no_instrument_function))
#define __ms_inline static inline __attribute__((no_instrument_function, unused))
#define asmlinkage
#define __visible __attribute__((externally_visible))
#define __compiletime_error(msg)
#define __same_type(a, b) __builtin_types_compatible_p(__typeof__(a), __typeof__(b))
#endif

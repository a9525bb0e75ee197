/* SPDX-License-Identifier: GPL-2.0 */
/*
 * modsafe test stub -- mirrors include/linux/compiler_types.h and
 * include/linux/compiler-clang.h (Linux 6.1, clang, no __CHECKER__).
 * kbuild force-includes this file; the stubs include it from linux/types.h.
 */
#ifndef __LINUX_COMPILER_TYPES_H
#define __LINUX_COMPILER_TYPES_H

#include <linux/compiler_attributes.h>

/* sparse annotations: empty when not running sparse (__CHECKER__) */
# define __kernel
# define __user
# define __iomem
# define __percpu
# define __rcu
# define __private
# define __must_hold(x)
# define __acquires(x)
# define __cond_acquires(x)
# define __releases(x)
# define __acquire(x)	(void)0
# define __release(x)	(void)0
# define __cond_lock(x,c) (c)
# define __force
# define __nocast
# define __safe
# define ACCESS_PRIVATE(p, member) ((p)->member)

/* Indirect macros required for expanded argument pasting, eg. __LINE__. */
#define ___PASTE(a,b) a##b
#define __PASTE(a,b) ___PASTE(a,b)

/* compiler-clang.h */
#define __UNIQUE_ID(prefix) __PASTE(__PASTE(__UNIQUE_ID_, prefix), __COUNTER__)

/*
 * Clang prior to 17 is being silly and considers many __cleanup() variables
 * as unused (because they are, their sole purpose is to go out of scope).
 *
 * https://reviews.llvm.org/D152180
 */
#undef __cleanup
#define __cleanup(func) __maybe_unused __attribute__((__cleanup__(func)))

#define notrace			__attribute__((__no_instrument_function__))
#define __noscs
#define __latent_entropy

/* Force always-inline / gnu_inline semantics, like the kernel does. */
#define inline inline __gnu_inline __inline_maybe_unused notrace
#define __inline__ inline
#define __inline_maybe_unused __maybe_unused

#define __randomize_layout __designated_init
#define __no_randomize_layout
#define randomized_struct_fields_start
#define randomized_struct_fields_end

#define ____cacheline_aligned __attribute__((__aligned__(64)))

# define __alloc_size(x, ...)	__alloc_size__(x, ## __VA_ARGS__) __malloc
# define __realloc_size(x, ...)	__alloc_size__(x, ## __VA_ARGS__)

/* Are two types/vars the same type (ignoring qualifiers)? */
#define __same_type(a, b) __builtin_types_compatible_p(typeof(a), typeof(b))


#endif /* __LINUX_COMPILER_TYPES_H */

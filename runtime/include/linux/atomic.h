/* SPDX-License-Identifier: GPL-2.0 */
/* Atomics as the kernel defines them, on the compiler's __atomic builtins
 * (sequentially consistent for the value-returning forms, as in the kernel). */
#ifndef _LINUX_ATOMIC_H
#define _LINUX_ATOMIC_H
#include <linux/types.h>
#include <linux/compiler.h>

#define ATOMIC_INIT(i) { (i) }
#define ATOMIC_LONG_INIT(i) { (i) }
#define ATOMIC64_INIT(i) { (i) }
#define smp_mb() __atomic_thread_fence(__ATOMIC_SEQ_CST)
#define smp_rmb() __atomic_thread_fence(__ATOMIC_ACQUIRE)
#define smp_wmb() __atomic_thread_fence(__ATOMIC_RELEASE)
#define mb() smp_mb()
#define rmb() smp_rmb()
#define wmb() smp_wmb()
#define smp_mb__before_atomic() smp_mb()
#define smp_mb__after_atomic() smp_mb()
#define smp_store_release(p, v) __atomic_store_n((p), (v), __ATOMIC_RELEASE)
#define smp_load_acquire(p) __atomic_load_n((p), __ATOMIC_ACQUIRE)
#define smp_store_mb(var, value) do { __atomic_store_n(&(var), (value), __ATOMIC_SEQ_CST); } while (0)
#define xchg(ptr, v) __atomic_exchange_n((ptr), (v), __ATOMIC_SEQ_CST)
#define cmpxchg(ptr, old, new) ({ __typeof__(*(ptr)) __o = (old); \
	__atomic_compare_exchange_n((ptr), &__o, (new), 0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST); __o; })
#define try_cmpxchg(ptr, oldp, new) \
	__atomic_compare_exchange_n((ptr), (oldp), (new), 0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST)

#define __MS_ATOMIC_OPS(pfx, at, t)								\
__ms_inline t pfx##_read(const at *v) { return __atomic_load_n(&v->counter, __ATOMIC_RELAXED); }	\
__ms_inline t pfx##_read_acquire(const at *v) { return __atomic_load_n(&v->counter, __ATOMIC_ACQUIRE); } \
__ms_inline void pfx##_set(at *v, t i) { __atomic_store_n(&v->counter, i, __ATOMIC_RELAXED); }	\
__ms_inline void pfx##_set_release(at *v, t i) { __atomic_store_n(&v->counter, i, __ATOMIC_RELEASE); } \
__ms_inline void pfx##_add(t i, at *v) { __atomic_fetch_add(&v->counter, i, __ATOMIC_RELAXED); }	\
__ms_inline void pfx##_sub(t i, at *v) { __atomic_fetch_sub(&v->counter, i, __ATOMIC_RELAXED); }	\
__ms_inline void pfx##_inc(at *v) { pfx##_add(1, v); }						\
__ms_inline void pfx##_dec(at *v) { pfx##_sub(1, v); }						\
__ms_inline t pfx##_add_return(t i, at *v) { return __atomic_add_fetch(&v->counter, i, __ATOMIC_SEQ_CST); } \
__ms_inline t pfx##_sub_return(t i, at *v) { return __atomic_sub_fetch(&v->counter, i, __ATOMIC_SEQ_CST); } \
__ms_inline t pfx##_fetch_add(t i, at *v) { return __atomic_fetch_add(&v->counter, i, __ATOMIC_SEQ_CST); } \
__ms_inline t pfx##_fetch_sub(t i, at *v) { return __atomic_fetch_sub(&v->counter, i, __ATOMIC_SEQ_CST); } \
__ms_inline t pfx##_inc_return(at *v) { return pfx##_add_return(1, v); }			\
__ms_inline t pfx##_dec_return(at *v) { return pfx##_sub_return(1, v); }			\
__ms_inline bool pfx##_dec_and_test(at *v) { return pfx##_dec_return(v) == 0; }		\
__ms_inline bool pfx##_inc_and_test(at *v) { return pfx##_inc_return(v) == 0; }		\
__ms_inline bool pfx##_sub_and_test(t i, at *v) { return pfx##_sub_return(i, v) == 0; }	\
__ms_inline t pfx##_xchg(at *v, t n) { return __atomic_exchange_n(&v->counter, n, __ATOMIC_SEQ_CST); } \
__ms_inline t pfx##_cmpxchg(at *v, t o, t n)							\
{ __atomic_compare_exchange_n(&v->counter, &o, n, 0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST); return o; } \
__ms_inline bool pfx##_try_cmpxchg(at *v, t *o, t n)						\
{ return __atomic_compare_exchange_n(&v->counter, o, n, 0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST); } \
__ms_inline bool pfx##_add_unless(at *v, t a, t u)						\
{ t c = pfx##_read(v); do { if (c == u) return false; } while (!pfx##_try_cmpxchg(v, &c, c + a)); return true; } \
__ms_inline bool pfx##_inc_not_zero(at *v) { return pfx##_add_unless(v, 1, 0); }		\
__ms_inline t pfx##_dec_if_positive(at *v)							\
{ t c = pfx##_read(v), d; do { d = c - 1; if (d < 0) break; } while (!pfx##_try_cmpxchg(v, &c, d)); return d; } \
__ms_inline void pfx##_or(t i, at *v) { __atomic_fetch_or(&v->counter, i, __ATOMIC_RELAXED); }	\
__ms_inline void pfx##_and(t i, at *v) { __atomic_fetch_and(&v->counter, i, __ATOMIC_RELAXED); }

__MS_ATOMIC_OPS(atomic, atomic_t, int)
__MS_ATOMIC_OPS(atomic_long, atomic_long_t, long)
__MS_ATOMIC_OPS(atomic64, atomic64_t, long long)
#undef __MS_ATOMIC_OPS
#endif

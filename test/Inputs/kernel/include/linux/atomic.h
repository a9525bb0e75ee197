/* SPDX-License-Identifier: GPL-2.0 */
/*
 * modsafe test stub -- mirrors the interface of include/linux/atomic.h
 * (Linux 6.1: arch_atomic_* wrapped by instrumented atomic_*); the bodies
 * here are plain C, not the x86 LOCK-prefixed asm.
 */
#ifndef _LINUX_ATOMIC_H
#define _LINUX_ATOMIC_H

#include <linux/types.h>
#include <linux/compiler.h>

static __always_inline int atomic_read(const atomic_t *v)
{
	return READ_ONCE(v->counter);
}

static __always_inline void atomic_set(atomic_t *v, int i)
{
	WRITE_ONCE(v->counter, i);
}

static __always_inline void atomic_inc(atomic_t *v)
{
	__atomic_fetch_add(&v->counter, 1, __ATOMIC_SEQ_CST);
}

static __always_inline void atomic_dec(atomic_t *v)
{
	__atomic_fetch_sub(&v->counter, 1, __ATOMIC_SEQ_CST);
}

static __always_inline bool atomic_dec_and_test(atomic_t *v)
{
	return __atomic_sub_fetch(&v->counter, 1, __ATOMIC_SEQ_CST) == 0;
}

static __always_inline int atomic_inc_return(atomic_t *v)
{
	return __atomic_add_fetch(&v->counter, 1, __ATOMIC_SEQ_CST);
}

static __always_inline long atomic_long_read(const atomic_long_t *v)
{
	return READ_ONCE(v->counter);
}

static __always_inline void atomic_long_set(atomic_long_t *v, long i)
{
	WRITE_ONCE(v->counter, i);
}

/* bitops (asm-generic/bitops/instrumented-atomic.h interface) */
static __always_inline bool test_and_set_bit(long nr, volatile unsigned long *addr)
{
	unsigned long mask = 1UL << (nr % 64);
	return (__atomic_fetch_or(addr + nr / 64, mask, __ATOMIC_SEQ_CST) & mask) != 0;
}

static __always_inline void set_bit(long nr, volatile unsigned long *addr)
{
	__atomic_fetch_or(addr + nr / 64, 1UL << (nr % 64), __ATOMIC_SEQ_CST);
}

static __always_inline void clear_bit(long nr, volatile unsigned long *addr)
{
	__atomic_fetch_and(addr + nr / 64, ~(1UL << (nr % 64)), __ATOMIC_SEQ_CST);
}

static __always_inline bool test_bit(long nr, const volatile unsigned long *addr)
{
	return 1UL & (addr[nr / 64] >> (nr % 64));
}

static __always_inline bool test_and_clear_bit(long nr, volatile unsigned long *addr)
{
	unsigned long mask = 1UL << (nr % 64);
	return (__atomic_fetch_and(addr + nr / 64, ~mask, __ATOMIC_SEQ_CST) & mask) != 0;
}

/* asm-generic/bitops/instrumented-lock.h interface */
static __always_inline bool test_and_set_bit_lock(long nr, volatile unsigned long *addr)
{
	unsigned long mask = 1UL << (nr % 64);
	return (__atomic_fetch_or(addr + nr / 64, mask, __ATOMIC_ACQUIRE) & mask) != 0;
}

static __always_inline void clear_bit_unlock(long nr, volatile unsigned long *addr)
{
	__atomic_fetch_and(addr + nr / 64, ~(1UL << (nr % 64)), __ATOMIC_RELEASE);
}

static __always_inline void __clear_bit_unlock(long nr, volatile unsigned long *addr)
{
	__atomic_fetch_and(addr + nr / 64, ~(1UL << (nr % 64)), __ATOMIC_RELEASE);
}

#endif /* _LINUX_ATOMIC_H */

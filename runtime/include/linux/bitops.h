/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_BITOPS_H
#define _LINUX_BITOPS_H
#include <linux/types.h>
#include <linux/bits.h>
#include <linux/atomic.h>
#define BITS_TO_LONGS(nr) (((nr) + BITS_PER_LONG - 1) / BITS_PER_LONG)
#define DECLARE_BITMAP(name, bits) unsigned long name[BITS_TO_LONGS(bits)]
__ms_inline void set_bit(long nr, volatile unsigned long *addr)
{ __atomic_fetch_or((unsigned long *)addr + BIT_WORD(nr), BIT_MASK(nr), __ATOMIC_SEQ_CST); }
__ms_inline void clear_bit(long nr, volatile unsigned long *addr)
{ __atomic_fetch_and((unsigned long *)addr + BIT_WORD(nr), ~BIT_MASK(nr), __ATOMIC_SEQ_CST); }
__ms_inline void change_bit(long nr, volatile unsigned long *addr)
{ __atomic_fetch_xor((unsigned long *)addr + BIT_WORD(nr), BIT_MASK(nr), __ATOMIC_SEQ_CST); }
__ms_inline bool test_bit(long nr, const volatile unsigned long *addr)
{ return 1UL & (__atomic_load_n((unsigned long *)addr + BIT_WORD(nr), __ATOMIC_RELAXED) >> (nr & (BITS_PER_LONG - 1))); }
__ms_inline bool test_and_set_bit(long nr, volatile unsigned long *addr)
{ return !!(__atomic_fetch_or((unsigned long *)addr + BIT_WORD(nr), BIT_MASK(nr), __ATOMIC_SEQ_CST) & BIT_MASK(nr)); }
__ms_inline bool test_and_clear_bit(long nr, volatile unsigned long *addr)
{ return !!(__atomic_fetch_and((unsigned long *)addr + BIT_WORD(nr), ~BIT_MASK(nr), __ATOMIC_SEQ_CST) & BIT_MASK(nr)); }
#define __set_bit(nr, addr) set_bit(nr, addr)
#define __clear_bit(nr, addr) clear_bit(nr, addr)
#define clear_bit_unlock(nr, addr) clear_bit(nr, addr)
#define test_and_set_bit_lock(nr, addr) test_and_set_bit(nr, addr)
__ms_inline int fls(unsigned int x) { return x ? 32 - __builtin_clz(x) : 0; }
__ms_inline int ffs(int x) { return __builtin_ffs(x); }
__ms_inline unsigned long __ffs(unsigned long w) { return __builtin_ctzl(w); }
__ms_inline int hweight32(unsigned int w) { return __builtin_popcount(w); }
__ms_inline int hweight64(unsigned long long w) { return __builtin_popcountll(w); }
__ms_inline unsigned long find_first_zero_bit(const unsigned long *addr, unsigned long size)
{ unsigned long i; for (i = 0; i < size; i++) if (!test_bit(i, addr)) return i; return size; }
__ms_inline unsigned long find_first_bit(const unsigned long *addr, unsigned long size)
{ unsigned long i; for (i = 0; i < size; i++) if (test_bit(i, addr)) return i; return size; }
#endif

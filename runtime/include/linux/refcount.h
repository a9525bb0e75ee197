/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_REFCOUNT_H
#define _LINUX_REFCOUNT_H
#include <linux/atomic.h>
#include <linux/bug.h>
#define REFCOUNT_INIT(n) { .refs = ATOMIC_INIT(n) }
__ms_inline void refcount_set(refcount_t *r, int n) { atomic_set(&r->refs, n); }
__ms_inline unsigned int refcount_read(const refcount_t *r) { return atomic_read(&r->refs); }
__ms_inline void refcount_inc(refcount_t *r) { int old = atomic_fetch_add(1, &r->refs); WARN_ON(old <= 0); }
__ms_inline bool refcount_inc_not_zero(refcount_t *r) { return atomic_inc_not_zero(&r->refs); }
__ms_inline bool refcount_dec_and_test(refcount_t *r)
{ int old = atomic_fetch_sub(1, &r->refs); WARN_ON(old <= 0); return old == 1; }
__ms_inline void refcount_dec(refcount_t *r) { int old = atomic_fetch_sub(1, &r->refs); WARN_ON(old <= 1); }
__ms_inline void refcount_add(int i, refcount_t *r) { atomic_add(i, &r->refs); }
#endif

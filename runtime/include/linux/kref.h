/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _KREF_H_
#define _KREF_H_
#include <linux/types.h>
#include <linux/refcount.h>
#define KREF_INIT(n) { .refcount = REFCOUNT_INIT(n), }
__ms_inline void kref_init(struct kref *kref) { refcount_set(&kref->refcount, 1); }
__ms_inline unsigned int kref_read(const struct kref *kref) { return refcount_read(&kref->refcount); }
__ms_inline void kref_get(struct kref *kref) { __ms_kref_get(kref); }
/* The release runs where the last reference is dropped; the runtime checks
 * that it is not module code that is already gone. */
__ms_inline int kref_put(struct kref *kref, void (*release)(struct kref *kref)) { return __ms_kref_put(kref, release); }
__ms_inline int kref_get_unless_zero(struct kref *kref) { return refcount_inc_not_zero(&kref->refcount); }
#endif

/* SPDX-License-Identifier: GPL-2.0-only */
/* modsafe test stub -- include/linux/kref.h (Linux 6.1): struct kref lives in linux/kobject.h here. */
#ifndef _KREF_H_
#define _KREF_H_

#include <linux/kobject.h>
#include <linux/atomic.h>

static inline void kref_init(struct kref *kref)
{
	atomic_set(&kref->refcount, 1);
}

static inline void kref_get(struct kref *kref)
{
	atomic_inc(&kref->refcount);
}

static inline int kref_put(struct kref *kref, void (*release)(struct kref *kref))
{
	if (atomic_dec_and_test(&kref->refcount)) {
		release(kref);
		return 1;
	}
	return 0;
}

#endif /* _KREF_H_ */

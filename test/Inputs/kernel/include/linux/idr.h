/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * modsafe test stub -- mirrors include/linux/idr.h (Linux 6.1; subset):
 * idr_alloc()/idr_alloc_u32()/idr_alloc_cyclic()/ida_alloc_range() are
 * extern and allocate with their gfp argument; ida_alloc()/ida_alloc_min()/
 * ida_alloc_max() are static inlines calling ida_alloc_range();
 * ida_simple_get() is a macro for ida_alloc_range(); idr_preload() returns
 * with the radix_tree_preloads local_lock held (preemption disabled) until
 * the static inline idr_preload_end().
 */
#ifndef __IDR_H__
#define __IDR_H__

#include <linux/radix-tree.h>
#include <linux/gfp.h>
#include <linux/bug.h>
#include <linux/limits.h>

struct idr {
	struct radix_tree_root	idr_rt;
	unsigned int		idr_base;
	unsigned int		idr_next;
};

#define IDR_FREE	0
#define IDR_RT_MARKER	(ROOT_IS_IDR | (__force gfp_t)			\
					(1 << (ROOT_TAG_SHIFT + IDR_FREE)))

#define IDR_INIT_BASE(name, base) {					\
	.idr_rt = RADIX_TREE_INIT(name, IDR_RT_MARKER),			\
	.idr_base = (base),						\
	.idr_next = 0,							\
}

#define IDR_INIT(name)	IDR_INIT_BASE(name, 0)

#define DEFINE_IDR(name)	struct idr name = IDR_INIT(name)

void idr_preload(gfp_t gfp_mask);

int idr_alloc(struct idr *, void *ptr, int start, int end, gfp_t);
int __must_check idr_alloc_u32(struct idr *, void *ptr, u32 *id,
				unsigned long max, gfp_t);
int idr_alloc_cyclic(struct idr *, void *ptr, int start, int end, gfp_t);
void *idr_remove(struct idr *, unsigned long id);
void *idr_find(const struct idr *, unsigned long id);
void idr_destroy(struct idr *);

/**
 * idr_preload_end - end preload section started with idr_preload()
 */
static inline void idr_preload_end(void)
{
	/* local_unlock(&radix_tree_preloads.lock) */
	preempt_enable();
}

struct ida {
	struct xarray xa;
};

#define IDA_INIT_FLAGS	(XA_FLAGS_LOCK_IRQ | XA_FLAGS_ALLOC)

#define IDA_INIT(name)	{						\
	.xa = XARRAY_INIT(name, IDA_INIT_FLAGS)				\
}
#define DEFINE_IDA(name)	struct ida name = IDA_INIT(name)

int ida_alloc_range(struct ida *, unsigned int min, unsigned int max, gfp_t);
void ida_free(struct ida *, unsigned int id);
void ida_destroy(struct ida *ida);

static inline int ida_alloc(struct ida *ida, gfp_t gfp)
{
	return ida_alloc_range(ida, 0, ~0, gfp);
}

static inline int ida_alloc_min(struct ida *ida, unsigned int min, gfp_t gfp)
{
	return ida_alloc_range(ida, min, ~0, gfp);
}

static inline int ida_alloc_max(struct ida *ida, unsigned int max, gfp_t gfp)
{
	return ida_alloc_range(ida, 0, max, gfp);
}

#define ida_simple_get(ida, start, end, gfp)	\
			ida_alloc_range(ida, start, (end) - 1, gfp)
#define ida_simple_remove(ida, id)	ida_free(ida, id)

#endif /* __IDR_H__ */

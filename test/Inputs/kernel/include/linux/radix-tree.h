/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * modsafe test stub -- mirrors include/linux/radix-tree.h (Linux 6.1;
 * subset): a radix tree is an xarray; radix_tree_preload() and
 * radix_tree_maybe_preload() allocate with their gfp and return 0 with the
 * per-cpu radix_tree_preloads.lock local_lock held -- preemption disabled
 * on !PREEMPT_RT -- until radix_tree_preload_end() (a static inline
 * local_unlock(), here its preempt_enable()).
 */
#ifndef _LINUX_RADIX_TREE_H
#define _LINUX_RADIX_TREE_H

#include <linux/types.h>
#include <linux/gfp.h>
#include <linux/preempt.h>
#include <linux/xarray.h>

#define radix_tree_root		xarray
#define radix_tree_node		xa_node

struct xa_node;

/* The IDR tag is stored in the low bits of xa_flags */
#define ROOT_IS_IDR	((__force gfp_t)4)
/* The top bits of xa_flags are used to store the root tags */
#define ROOT_TAG_SHIFT	(__GFP_BITS_SHIFT)

#define RADIX_TREE_INIT(name, mask)	XARRAY_INIT(name, mask)

#define RADIX_TREE(name, mask) \
	struct radix_tree_root name = RADIX_TREE_INIT(name, mask)

#define INIT_RADIX_TREE(root, mask) xa_init_flags(root, mask)

int radix_tree_insert(struct radix_tree_root *, unsigned long index,
			void *);
void *radix_tree_lookup(const struct radix_tree_root *, unsigned long);
void *radix_tree_delete(struct radix_tree_root *, unsigned long);
int radix_tree_preload(gfp_t gfp_mask);
int radix_tree_maybe_preload(gfp_t gfp_mask);

static inline void radix_tree_preload_end(void)
{
	/* local_unlock(&radix_tree_preloads.lock) */
	preempt_enable();
}

#endif /* _LINUX_RADIX_TREE_H */

/* SPDX-License-Identifier: GPL-2.0 */
/*
 * modsafe test stub -- mirrors include/linux/sched/mm.h (Linux 6.1; subset):
 * might_alloc(gfp) is a static inline whose might_sleep_if() fires when gfp
 * allows direct reclaim; memalloc_noio/nofs_save() scopes.
 */
#ifndef _LINUX_SCHED_MM_H
#define _LINUX_SCHED_MM_H

#include <linux/kernel.h>
#include <linux/gfp.h>

static inline void fs_reclaim_acquire(gfp_t gfp_mask) { }
static inline void fs_reclaim_release(gfp_t gfp_mask) { }

/**
 * might_alloc - Mark possible allocation sites
 * @gfp_mask: gfp_t flags that would be used to allocate
 *
 * Similar to might_sleep() and other annotations, this can be used in functions
 * that might allocate, but often don't. Compiles to nothing without
 * CONFIG_LOCKDEP. Includes a conditional might_sleep() if @gfp allows blocking.
 */
static inline void might_alloc(gfp_t gfp_mask)
{
	fs_reclaim_acquire(gfp_mask);
	fs_reclaim_release(gfp_mask);

	might_sleep_if(gfpflags_allow_blocking(gfp_mask));
}

extern unsigned int memalloc_noio_save(void);
extern void memalloc_noio_restore(unsigned int flags);
extern unsigned int memalloc_nofs_save(void);
extern void memalloc_nofs_restore(unsigned int flags);

#endif /* _LINUX_SCHED_MM_H */

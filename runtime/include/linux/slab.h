/* SPDX-License-Identifier: GPL-2.0 */
/*
 * modsafe runtime shim: allocation. An allocation whose gfp flags allow
 * direct reclaim (GFP_KERNEL …) may sleep and is checked like one; any
 * allocation may be made to fail by the harness (fault injection).
 */
#ifndef _LINUX_SLAB_H
#define _LINUX_SLAB_H
#include <linux/types.h>
#include <linux/gfp.h>
#include <linux/overflow.h>
#include <linux/kernel.h>
#define SLAB_HWCACHE_ALIGN 0x00002000UL
#define SLAB_PANIC 0x00040000UL
#define SLAB_RECLAIM_ACCOUNT 0x00020000UL
#define SLAB_ACCOUNT 0x04000000UL
#define ZERO_SIZE_PTR ((void *)16)
#define ZERO_OR_NULL_PTR(x) ((unsigned long)(x) <= (unsigned long)ZERO_SIZE_PTR)
#define KMALLOC_MAX_SIZE (1UL << 22)
__ms_inline void *kmalloc(size_t size, gfp_t flags) { return __ms_kmalloc(size, flags, 0); }
__ms_inline void *kzalloc(size_t size, gfp_t flags) { return __ms_kmalloc(size, flags, 1); }
__ms_inline void *kmalloc_node(size_t size, gfp_t flags, int node) { return __ms_kmalloc(size, flags, 0); }
__ms_inline void *kzalloc_node(size_t size, gfp_t flags, int node) { return __ms_kmalloc(size, flags, 1); }
__ms_inline void *kmalloc_array(size_t n, size_t size, gfp_t flags)
{ size_t bytes; if (check_mul_overflow(n, size, &bytes)) return NULL; return __ms_kmalloc(bytes, flags, 0); }
__ms_inline void *kcalloc(size_t n, size_t size, gfp_t flags)
{ size_t bytes; if (check_mul_overflow(n, size, &bytes)) return NULL; return __ms_kmalloc(bytes, flags, 1); }
__ms_inline void *kvmalloc(size_t size, gfp_t flags) { return kvmalloc_node(size, flags, -1); }
__ms_inline void *kvzalloc(size_t size, gfp_t flags) { return kvmalloc_node(size, flags | __GFP_ZERO, -1); }
__ms_inline void *kvcalloc(size_t n, size_t size, gfp_t flags) { return kvzalloc(n * size, flags); }
__ms_inline void *kvmalloc_array(size_t n, size_t size, gfp_t flags) { return kvmalloc(n * size, flags); }
__ms_inline void *kmem_cache_zalloc(struct kmem_cache *k, gfp_t flags) { return kmem_cache_alloc(k, flags | __GFP_ZERO); }
#define KMEM_CACHE(__struct, __flags) kmem_cache_create(#__struct, sizeof(struct __struct), \
	__alignof__(struct __struct), (__flags), NULL)
#define ksize(p) 0
#endif

// SPDX-License-Identifier: GPL-2.0
/*
 * Allocation and user copies. An allocation whose gfp flags allow direct
 * reclaim may sleep (the kernel's gfpflags_allow_blocking); copies to and
 * from user memory may fault, so they may sleep. Any allocation can be
 * made to fail (the harness's fault injection, like failslab).
 */
#include "internal.h"

#include <errno.h>
#include <stdarg.h>

#define GFP_DIRECT_RECLAIM 0x400u
#define GFP_ZERO 0x100u
#define ZERO_SIZE ((void *)16)

static int fail_countdown;
static int injected;

void ms_rt_fail_alloc(int nth) { __atomic_store_n(&fail_countdown, nth, __ATOMIC_SEQ_CST); }

int ms_alloc_should_fail(void)
{
	int c = __atomic_load_n(&fail_countdown, __ATOMIC_SEQ_CST);
	while (c > 0) {
		if (__atomic_compare_exchange_n(&fail_countdown, &c, c - 1, 0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST))
			return c == 1;
	}
	return 0;
}

void ms_kfree_note(uintptr_t pc);

static void *alloc_at(size_t size, unsigned int flags, int zero, uintptr_t pc)
{
	if (flags & GFP_DIRECT_RECLAIM)
		ms_check_sleep("an allocation whose gfp flags allow direct reclaim (GFP_KERNEL)", pc);
	if (ms_t.initing)
		ms_hooks_observe(pc);
	if (ms_alloc_should_fail()) {
		char b[600];
		ms_describe_pc(pc, 1, b, sizeof(b));
		ms_log("fault injection: allocation of %zu bytes fails at %s", size, b);
		__atomic_add_fetch(&injected, 1, __ATOMIC_RELAXED);
		return NULL;
	}
	if (!size)
		return ZERO_SIZE;
	return (zero || (flags & GFP_ZERO)) ? calloc(1, size) : malloc(size);
}

void *__ms_kmalloc(size_t size, __ms_gfp_t flags, int zero) { return alloc_at(size, flags, zero, MS_RET_PC()); }

void kfree(const void *objp)
{
	if (ms_t.unloading)
		ms_kfree_note(MS_RET_PC());
	if ((uintptr_t)objp <= 16)
		return;
	free((void *)objp);
}

void kfree_sensitive(const void *objp) { kfree(objp); }

void *krealloc(const void *p, size_t new_size, __ms_gfp_t flags)
{
	uintptr_t pc = MS_RET_PC();
	if (flags & GFP_DIRECT_RECLAIM)
		ms_check_sleep("krealloc(GFP_KERNEL)", pc);
	if (ms_alloc_should_fail())
		return NULL;
	if ((uintptr_t)p <= 16)
		p = NULL;
	return realloc((void *)p, new_size ? new_size : 1);
}

char *kstrdup(const char *s, __ms_gfp_t gfp)
{
	if (!s)
		return NULL;
	size_t n = strlen(s) + 1;
	char *p = alloc_at(n, gfp, 0, MS_RET_PC());
	if (p)
		memcpy(p, s, n);
	return p;
}

char *kstrndup(const char *s, size_t max, __ms_gfp_t gfp)
{
	if (!s)
		return NULL;
	size_t n = strnlen(s, max);
	char *p = alloc_at(n + 1, gfp, 0, MS_RET_PC());
	if (p) {
		memcpy(p, s, n);
		p[n] = 0;
	}
	return p;
}

void *kmemdup(const void *src, size_t len, __ms_gfp_t gfp)
{
	void *p = alloc_at(len, gfp, 0, MS_RET_PC());
	if (p && len)
		memcpy(p, src, len);
	return p;
}

char *kasprintf(__ms_gfp_t gfp, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	char *p = alloc_at((size_t)n + 1, gfp, 0, MS_RET_PC());
	if (!p)
		return NULL;
	va_start(ap, fmt);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return p;
}

void *vmalloc(unsigned long size) { return alloc_at(size, GFP_DIRECT_RECLAIM, 0, MS_RET_PC()); }
void *vzalloc(unsigned long size) { return alloc_at(size, GFP_DIRECT_RECLAIM, 1, MS_RET_PC()); }
void vfree(const void *addr)
{
	if (ms_t.unloading)
		ms_kfree_note(MS_RET_PC());
	ms_check_sleep("vfree", MS_RET_PC());
	if ((uintptr_t)addr > 16)
		free((void *)addr);
}
void *kvmalloc_node(size_t size, __ms_gfp_t flags, int node)
{
	(void)node;
	return alloc_at(size, flags, 0, MS_RET_PC());
}
void kvfree(const void *addr)
{
	if (ms_t.unloading)
		ms_kfree_note(MS_RET_PC());
	if ((uintptr_t)addr > 16)
		free((void *)addr);
}

struct kmem_cache { unsigned int size; void (*ctor)(void *); char name[32]; };
struct kmem_cache *kmem_cache_create(const char *name, unsigned int size, unsigned int align, unsigned long flags,
				     void (*ctor)(void *))
{
	(void)align;
	(void)flags;
	ms_check_sleep("kmem_cache_create", MS_RET_PC());
	struct kmem_cache *c = calloc(1, sizeof(*c));
	if (!c)
		return NULL;
	c->size = size;
	c->ctor = ctor;
	snprintf(c->name, sizeof(c->name), "%s", name);
	return c;
}
void *kmem_cache_alloc(struct kmem_cache *s, __ms_gfp_t gfpflags)
{
	void *p = alloc_at(s->size, gfpflags, 0, MS_RET_PC());
	if (p && s->ctor)
		s->ctor(p);
	return p;
}
void kmem_cache_free(struct kmem_cache *s, void *objp)
{
	(void)s;
	free(objp);
}
void kmem_cache_destroy(struct kmem_cache *s)
{
	ms_check_sleep("kmem_cache_destroy", MS_RET_PC());
	free(s);
}

void __ms_might_fault(void) { ms_check_sleep("a user-memory access (it may fault)", MS_RET_PC()); }

unsigned long __ms_copy_to_user(void *to, const void *from, unsigned long n)
{
	ms_check_sleep("copy_to_user", MS_RET_PC());
	if (!to && n)
		return n;
	memcpy(to, from, n);
	return 0;
}

unsigned long __ms_copy_from_user(void *to, const void *from, unsigned long n)
{
	ms_check_sleep("copy_from_user", MS_RET_PC());
	if (!from && n) {
		memset(to, 0, n);
		return n;
	}
	memcpy(to, from, n);
	return 0;
}

unsigned long __ms_clear_user(void *to, unsigned long n)
{
	ms_check_sleep("clear_user", MS_RET_PC());
	memset(to, 0, n);
	return 0;
}

long strncpy_from_user(char *dst, const char *src, long count)
{
	ms_check_sleep("strncpy_from_user", MS_RET_PC());
	long i;
	for (i = 0; i < count; i++) {
		dst[i] = src[i];
		if (!src[i])
			return i;
	}
	return count;
}

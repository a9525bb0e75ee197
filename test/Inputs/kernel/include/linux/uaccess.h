/* SPDX-License-Identifier: GPL-2.0 */
/*
 * modsafe test stub -- mirrors include/linux/uaccess.h together with the
 * x86-64 asm/uaccess.h and asm/uaccess_64.h (Linux 6.1.192, no
 * INLINE_COPY_{TO,FROM}_USER on x86):
 *   copy_{to,from}_user() are static __always_inline wrappers around the
 *   extern _copy_{to,from}_user();
 *   __copy_{to,from}_user() are static inlines that start with might_fault(),
 *   the _inatomic forms do not;
 *   get_user()/put_user() are macros: might_fault() followed by an asm
 *   "call __get_user_N"/"call __put_user_N" (no C call);
 *   __get_user()/__put_user() are the same asm without might_fault();
 *   clear_user() is an inline that calls the inline __clear_user(), which
 *   starts with might_fault(); strncpy_from_user()/strnlen_user() are extern.
 * might_fault() is __might_fault(__FILE__, __LINE__) with
 * CONFIG_PROVE_LOCKING or CONFIG_DEBUG_ATOMIC_SLEEP and a call of the empty
 * inline might_fault() otherwise (see linux/kernel.h).  The KASAN/KCSAN
 * instrumentation and hardened-usercopy checks are left out.
 */
#ifndef __LINUX_UACCESS_H__
#define __LINUX_UACCESS_H__

#include <linux/kernel.h>
#include <linux/sched.h>

/* arch/x86/include/asm/uaccess.h */
extern int __access_ok(const void __user *ptr, unsigned long size);
#define access_ok(addr, size)	likely(__access_ok(addr, size))

#define __inttype(x) __typeof__(		\
	__typefits(x,char,			\
	  __typefits(x,short,			\
	    __typefits(x,int,			\
	      __typefits(x,long,0ULL)))))

#define __typefits(x,type,not) \
	__builtin_choose_expr(sizeof(x)<=sizeof(type),(unsigned type)0,not)

#define __chk_user_ptr(x) (void)0

#define do_get_user_call(fn,x,ptr)					\
({									\
	int __ret_gu;							\
	register __inttype(*(ptr)) __val_gu asm("%rdx");		\
	__chk_user_ptr(ptr);						\
	asm volatile("call __" #fn "_%P3"				\
		     : "=a" (__ret_gu), "=r" (__val_gu)			\
		     : "0" (ptr), "i" (sizeof(*(ptr))));		\
	(x) = (__force __typeof__(*(ptr))) __val_gu;			\
	__builtin_expect(__ret_gu, 0);					\
})

#define get_user(x,ptr) ({ might_fault(); do_get_user_call(get_user,x,ptr); })

#define __get_user(x,ptr) do_get_user_call(get_user_nocheck,x,ptr)

#define do_put_user_call(fn,x,ptr)					\
({									\
	int __ret_pu;							\
	void __user *__ptr_pu;						\
	register __typeof__(*(ptr)) __val_pu asm("%rax");		\
	__typeof__(*(ptr)) __x = (x); /* eval x once */			\
	__typeof__(ptr) __ptr = (ptr); /* eval ptr once */		\
	__chk_user_ptr(__ptr);						\
	__ptr_pu = __ptr;						\
	__val_pu = __x;							\
	asm volatile("call __" #fn "_%P[size]"				\
		     : "=c" (__ret_pu)					\
		     : "0" (__ptr_pu),					\
		       "r" (__val_pu),					\
		       [size] "i" (sizeof(*(ptr)))			\
		     :"ebx");						\
	__builtin_expect(__ret_pu, 0);					\
})

#define put_user(x, ptr) ({ might_fault(); do_put_user_call(put_user,x,ptr); })

#define __put_user(x, ptr) do_put_user_call(put_user_nocheck,x,ptr)

extern __must_check long
strncpy_from_user(char *dst, const char __user *src, long count);

extern __must_check long strnlen_user(const char __user *str, long n);

/* arch/x86/include/asm/uaccess_64.h */
extern unsigned long copy_user_generic(void *to, const void *from, unsigned len);

static __always_inline __must_check unsigned long
raw_copy_from_user(void *dst, const void __user *src, unsigned long size)
{
	return copy_user_generic(dst, (__force void *)src, size);
}

static __always_inline __must_check unsigned long
raw_copy_to_user(void __user *dst, const void *src, unsigned long size)
{
	return copy_user_generic((__force void *)dst, src, size);
}

static __always_inline __must_check unsigned long __clear_user(void __user *addr, unsigned long size)
{
	might_fault();
	asm volatile("rep stosb" : "+c" (size), "+D" (addr) : "a" (0) : "memory");
	return size;
}

static __always_inline unsigned long clear_user(void __user *to, unsigned long n)
{
	if (access_ok(to, n))
		return __clear_user(to, n);
	return n;
}

/* include/linux/uaccess.h */
static __always_inline __must_check bool
check_copy_size(const void *addr, size_t bytes, bool is_source)
{
	return true;
}

static __always_inline __must_check unsigned long
__copy_from_user_inatomic(void *to, const void __user *from, unsigned long n)
{
	return raw_copy_from_user(to, from, n);
}

static __always_inline __must_check unsigned long
__copy_from_user(void *to, const void __user *from, unsigned long n)
{
	might_fault();
	return raw_copy_from_user(to, from, n);
}

static __always_inline __must_check unsigned long
__copy_to_user_inatomic(void __user *to, const void *from, unsigned long n)
{
	return raw_copy_to_user(to, from, n);
}

static __always_inline __must_check unsigned long
__copy_to_user(void __user *to, const void *from, unsigned long n)
{
	might_fault();
	return raw_copy_to_user(to, from, n);
}

extern __must_check unsigned long
_copy_from_user(void *, const void __user *, unsigned long);

extern __must_check unsigned long
_copy_to_user(void __user *, const void *, unsigned long);

static __always_inline unsigned long __must_check
copy_from_user(void *to, const void __user *from, unsigned long n)
{
	if (check_copy_size(to, n, false))
		n = _copy_from_user(to, from, n);
	return n;
}

static __always_inline unsigned long __must_check
copy_to_user(void __user *to, const void *from, unsigned long n)
{
	if (check_copy_size(from, n, true))
		n = _copy_to_user(to, from, n);
	return n;
}

/*
 * These routines enable/disable the pagefault handler. If disabled, it will
 * not take any locks and go straight to the fixup table.
 *
 * User access methods will not sleep when called from a pagefault_disabled()
 * environment.
 */
extern int __modsafe_pagefault_disabled;

static __always_inline void pagefault_disabled_inc(void)
{
	__modsafe_pagefault_disabled++;
}

static __always_inline void pagefault_disabled_dec(void)
{
	__modsafe_pagefault_disabled--;
}

static inline void pagefault_disable(void)
{
	pagefault_disabled_inc();
	barrier();
}

static inline void pagefault_enable(void)
{
	barrier();
	pagefault_disabled_dec();
}

static inline bool pagefault_disabled(void)
{
	return __modsafe_pagefault_disabled != 0;
}

long copy_from_user_nofault(void *dst, const void __user *src, size_t size);
long notrace copy_to_user_nofault(void __user *dst, const void *src,
		size_t size);

#endif		/* __LINUX_UACCESS_H__ */

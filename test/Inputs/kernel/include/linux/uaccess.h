/* SPDX-License-Identifier: GPL-2.0 */
/*
 * modsafe test stub -- mirrors include/linux/uaccess.h (Linux 6.1,
 * x86: no INLINE_COPY_{TO,FROM}_USER): copy_{to,from}_user() are
 * static __always_inline wrappers around the extern
 * _copy_{to,from}_user(); get_user()/put_user() are macros that start
 * with might_fault() as on x86 (the uaccess asm is replaced by calls).
 */
#ifndef __LINUX_UACCESS_H__
#define __LINUX_UACCESS_H__

#include <linux/kernel.h>
#include <linux/sched.h>

static __always_inline __must_check bool
check_copy_size(const void *addr, size_t bytes, bool is_source)
{
	return true;
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

extern int __get_user_nocheck(void *dst, const void __user *src, unsigned long size);
extern int __put_user_nocheck(const void *src, void __user *dst, unsigned long size);

#define get_user(x,ptr) ({ might_fault(); __get_user_nocheck(&(x), (ptr), sizeof(*(ptr))); })
#define put_user(x, ptr) ({ might_fault(); __typeof__(*(ptr)) __pu_val = (x); __put_user_nocheck(&__pu_val, (ptr), sizeof(*(ptr))); })

#endif		/* __LINUX_UACCESS_H__ */

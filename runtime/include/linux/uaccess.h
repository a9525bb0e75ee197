/* SPDX-License-Identifier: GPL-2.0 */
/*
 * modsafe runtime shim: user copies. "User" memory is the harness's
 * buffers; every copy may fault, so it may sleep, and is checked like it.
 */
#ifndef __LINUX_UACCESS_H__
#define __LINUX_UACCESS_H__
#include <linux/types.h>
#include <linux/kernel.h>
#include <linux/sched.h>
__ms_inline __must_check unsigned long copy_to_user(void __user *to, const void *from, unsigned long n)
{ return __ms_copy_to_user(to, from, n); }
__ms_inline __must_check unsigned long copy_from_user(void *to, const void __user *from, unsigned long n)
{ return __ms_copy_from_user(to, from, n); }
__ms_inline __must_check unsigned long clear_user(void __user *to, unsigned long n) { return __ms_clear_user(to, n); }
#define __copy_to_user(to, from, n) copy_to_user(to, from, n)
#define __copy_from_user(to, from, n) copy_from_user(to, from, n)
#define access_ok(addr, size) ((void)(addr), (void)(size), 1)
#define get_user(x, ptr) ({ __ms_might_fault(); (x) = *(ptr); 0; })
#define put_user(x, ptr) ({ __ms_might_fault(); *(ptr) = (x); 0; })
#define __get_user(x, ptr) get_user(x, ptr)
#define __put_user(x, ptr) put_user(x, ptr)
#define pagefault_disable() __ms_preempt_disable()
#define pagefault_enable() __ms_preempt_enable()
#endif

/* SPDX-License-Identifier: GPL-2.0 */
/*
 * modsafe runtime shim: timers, run by the runtime's timer thread in
 * softirq context (the callback may not sleep). timer_setup() is a macro
 * over an out-of-line call, as in Linux 6.1, so the runtime knows where
 * each timer was set up.
 */
#ifndef _LINUX_TIMER_H
#define _LINUX_TIMER_H
#include <linux/types.h>
#include <linux/list.h>
#include <linux/jiffies.h>
#include <linux/stddef.h>
#include <linux/container_of.h>

#define TIMER_CPUMASK 0x0003FFFF
#define TIMER_MIGRATING 0x00040000
#define TIMER_DEFERRABLE 0x00080000
#define TIMER_PINNED 0x00100000
#define TIMER_IRQSAFE 0x00200000

#define __TIMER_INITIALIZER(_function, _flags) { .entry = { .next = NULL, .pprev = NULL }, \
	.function = (_function), .flags = (_flags) }
#define DEFINE_TIMER(_name, _function) struct timer_list _name = __TIMER_INITIALIZER(_function, 0)

#define __init_timer(_timer, _fn, _flags) __ms_timer_setup((_timer), (_fn), (_flags))
#define timer_setup(timer, callback, flags) __init_timer((timer), (callback), (flags))
#define timer_setup_on_stack(timer, callback, flags) __init_timer((timer), (callback), (flags))
__ms_inline void destroy_timer_on_stack(struct timer_list *timer) { }
#define from_timer(var, callback_timer, timer_fieldname) \
	container_of(callback_timer, __typeof__(*var), timer_fieldname)

__ms_inline int timer_pending(const struct timer_list *timer) { return __ms_timer_pending(timer); }
#define timer_delete(timer) __ms_timer_delete(timer)
__ms_inline int del_timer(struct timer_list *timer) { return __ms_timer_delete(timer); }
__ms_inline int del_timer_sync(struct timer_list *timer) { return timer_delete_sync(timer); }
#define del_singleshot_timer_sync(t) del_timer_sync(t)
#endif

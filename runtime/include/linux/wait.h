/* SPDX-License-Identifier: GPL-2.0 */
/*
 * modsafe runtime shim: wait queues. The wait_event*() macros evaluate the
 * condition in the caller, as the kernel's do, and sleep on the queue's
 * wake-up counter in between.
 */
#ifndef _LINUX_WAIT_H
#define _LINUX_WAIT_H
#include <linux/types.h>
#include <linux/list.h>
#include <linux/spinlock.h>
#include <linux/sched.h>

#define __WAIT_QUEUE_HEAD_INITIALIZER(name) { .ms_seq = 0 }
#define DECLARE_WAIT_QUEUE_HEAD(name) struct wait_queue_head name = __WAIT_QUEUE_HEAD_INITIALIZER(name)
#define init_waitqueue_head(wq) __ms_init_waitqueue_head(wq)
#define wake_up(wq) __ms_wake_up(wq)
#define wake_up_all(wq) __ms_wake_up(wq)
#define wake_up_nr(wq, nr) __ms_wake_up(wq)
#define wake_up_interruptible(wq) __ms_wake_up(wq)
#define wake_up_interruptible_all(wq) __ms_wake_up(wq)
#define wake_up_interruptible_sync(wq) __ms_wake_up(wq)
#define wake_up_poll(wq, m) __ms_wake_up(wq)
#define wake_up_interruptible_poll(wq, m) __ms_wake_up(wq)
#define waitqueue_active(wq) 1
#define wq_has_sleeper(wq) 1

#define __ms_wait_event(wq, condition, timeout, intr) ({			\
	long __ms_t = (timeout);						\
	__ms_might_sleep("wait_event");						\
	for (;;) {								\
		unsigned long __ms_s = __ms_wq_prepare(&(wq));			\
		if (condition) { if (!__ms_t) __ms_t = 1; break; }		\
		__ms_t = __ms_wq_wait(&(wq), __ms_s, __ms_t, (intr));		\
		if (__ms_t < 0) break;						\
		if (__ms_t == 0) { if (condition) __ms_t = 1; break; }		\
	}									\
	__ms_t; })
#define wait_event(wq, condition) do { (void)__ms_wait_event(wq, condition, MAX_SCHEDULE_TIMEOUT, 0); } while (0)
#define wait_event_timeout(wq, condition, timeout) __ms_wait_event(wq, condition, (long)(timeout), 0)
#define wait_event_interruptible(wq, condition) ({ long __r = __ms_wait_event(wq, condition, MAX_SCHEDULE_TIMEOUT, 1); \
	__r < 0 ? (int)__r : 0; })
#define wait_event_killable(wq, condition) wait_event_interruptible(wq, condition)
#define wait_event_freezable(wq, condition) wait_event_interruptible(wq, condition)
#define wait_event_interruptible_timeout(wq, condition, timeout) __ms_wait_event(wq, condition, (long)(timeout), 1)
#define wait_event_killable_timeout(wq, condition, timeout) __ms_wait_event(wq, condition, (long)(timeout), 1)
#define wait_event_idle(wq, condition) wait_event(wq, condition)
#endif

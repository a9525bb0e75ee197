/* SPDX-License-Identifier: GPL-2.0 */
/*
 * modsafe runtime shim: interrupt handlers (fired by the harness, run in
 * hard-irq context on the runtime's irq thread), threaded handlers, and
 * tasklets (softirq context).
 */
#ifndef _LINUX_INTERRUPT_H
#define _LINUX_INTERRUPT_H
#include <linux/types.h>
#include <linux/kernel.h>
#include <linux/preempt.h>
#include <linux/irqflags.h>
#include <linux/bottom_half.h>
#include <linux/hardirq.h>
#include <linux/bitops.h>
#include <linux/atomic.h>
#include <linux/irqreturn.h>

#define IRQF_SHARED 0x00000080
#define IRQF_PROBE_SHARED 0x00000100
#define IRQF_TIMER 0x00000200
#define IRQF_PERCPU 0x00000400
#define IRQF_NOBALANCING 0x00000800
#define IRQF_IRQPOLL 0x00001000
#define IRQF_ONESHOT 0x00002000
#define IRQF_NO_SUSPEND 0x00004000
#define IRQF_FORCE_RESUME 0x00008000
#define IRQF_NO_THREAD 0x00010000
#define IRQF_EARLY_RESUME 0x00020000
#define IRQF_COND_SUSPEND 0x00040000
#define IRQF_NO_AUTOEN 0x00080000
#define IRQF_TRIGGER_NONE 0x00000000
#define IRQF_TRIGGER_RISING 0x00000001
#define IRQF_TRIGGER_FALLING 0x00000002
#define IRQF_TRIGGER_HIGH 0x00000004
#define IRQF_TRIGGER_LOW 0x00000008

__ms_inline int request_irq(unsigned int irq, irq_handler_t handler, unsigned long flags,
			    const char *name, void *dev)
{ return request_threaded_irq(irq, handler, NULL, flags, name, dev); }
#define disable_irq_wake(irq) 0
#define enable_irq_wake(irq) 0

enum { TASKLET_STATE_SCHED, TASKLET_STATE_RUN };
#define DECLARE_TASKLET(name, _callback) struct tasklet_struct name = { .count = ATOMIC_INIT(0), \
	.callback = _callback, .use_callback = true, }
#define DECLARE_TASKLET_DISABLED(name, _callback) struct tasklet_struct name = { .count = ATOMIC_INIT(1), \
	.callback = _callback, .use_callback = true, }
#define DECLARE_TASKLET_OLD(name, _func) struct tasklet_struct name = { .count = ATOMIC_INIT(0), .func = _func, }
#define from_tasklet(var, callback_tasklet, tasklet_fieldname) \
	container_of(callback_tasklet, __typeof__(*var), tasklet_fieldname)
__ms_inline void tasklet_schedule(struct tasklet_struct *t)
{ if (!test_and_set_bit(TASKLET_STATE_SCHED, &t->state)) __tasklet_schedule(t); }
__ms_inline void tasklet_hi_schedule(struct tasklet_struct *t)
{ if (!test_and_set_bit(TASKLET_STATE_SCHED, &t->state)) __tasklet_hi_schedule(t); }
#endif

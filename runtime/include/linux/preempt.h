/* SPDX-License-Identifier: GPL-2.0 */
#ifndef __LINUX_PREEMPT_H
#define __LINUX_PREEMPT_H
#include <linux/types.h>
/* The runtime tracks, per thread, what the kernel keeps in preempt_count. */
#define preempt_disable() __ms_preempt_disable()
#define preempt_enable() __ms_preempt_enable()
#define preempt_enable_no_resched() __ms_preempt_enable()
#define preempt_disable_notrace() __ms_preempt_disable()
#define preempt_enable_notrace() __ms_preempt_enable()
#define in_atomic() __ms_in_atomic()
#define in_interrupt() __ms_in_interrupt()
#define in_irq() __ms_in_hardirq()
#define in_hardirq() __ms_in_hardirq()
#define in_softirq() __ms_in_softirq()
#define in_serving_softirq() __ms_in_softirq()
#define in_task() (!__ms_in_interrupt())
#define preemptible() (!__ms_in_atomic() && !__ms_irqs_disabled())
#endif

/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_TRACE_IRQFLAGS_H
#define _LINUX_TRACE_IRQFLAGS_H
#include <linux/types.h>
#define local_irq_disable() __ms_local_irq_disable()
#define local_irq_enable() __ms_local_irq_enable()
#define local_irq_save(flags) do { (flags) = __ms_local_irq_save(); } while (0)
#define local_irq_restore(flags) __ms_local_irq_restore(flags)
#define irqs_disabled() __ms_irqs_disabled()
#define raw_local_irq_save(flags) local_irq_save(flags)
#define raw_local_irq_restore(flags) local_irq_restore(flags)
#endif

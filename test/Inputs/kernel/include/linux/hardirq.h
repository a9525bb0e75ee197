/* SPDX-License-Identifier: GPL-2.0 */
/*
 * modsafe test stub -- include/linux/hardirq.h (Linux 6.1; subset): the
 * context tests come from preempt.h; synchronize_irq() (sleeps: waits for
 * the irq threads with wait_event()) and synchronize_hardirq() (spins).
 */
#ifndef LINUX_HARDIRQ_H
#define LINUX_HARDIRQ_H

#include <linux/preempt.h>
#include <linux/types.h>

extern void synchronize_irq(unsigned int irq);
extern bool synchronize_hardirq(unsigned int irq);

#endif /* LINUX_HARDIRQ_H */

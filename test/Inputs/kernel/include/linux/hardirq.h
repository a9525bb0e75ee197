/* SPDX-License-Identifier: GPL-2.0 */
/* modsafe test stub -- include/linux/hardirq.h (Linux 6.1): the context tests come from preempt.h. */
#ifndef LINUX_HARDIRQ_H
#define LINUX_HARDIRQ_H

#include <linux/preempt.h>

#endif /* LINUX_HARDIRQ_H */

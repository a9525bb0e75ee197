/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_DELAY_H
#define _LINUX_DELAY_H
#include <linux/kernel.h>
#include <linux/sched.h>
/* udelay/mdelay/ndelay busy-wait (allowed in atomic context); the others sleep. */
#define udelay(n) __ms_udelay(n)
#define ndelay(n) __ms_udelay(((n) + 999) / 1000)
#define mdelay(n) __ms_udelay((unsigned long)(n) * 1000)
__ms_inline void ssleep(unsigned int seconds) { msleep(seconds * 1000); }
__ms_inline void fsleep(unsigned long usecs)
{ if (usecs <= 10) udelay(usecs); else if (usecs <= 20000) usleep_range(usecs, 2 * usecs); else msleep((usecs + 999) / 1000); }
#endif

/* SPDX-License-Identifier: GPL-2.0 */
/* modsafe test stub -- include/linux/bitops.h: the atomic bit helpers live in linux/atomic.h here. */
#ifndef _LINUX_BITOPS_H
#define _LINUX_BITOPS_H

#include <linux/atomic.h>

#define BIT(nr)			(1UL << (nr))
#define BITS_PER_LONG		64

#endif

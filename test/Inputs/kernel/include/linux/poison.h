/* SPDX-License-Identifier: GPL-2.0 */
/* modsafe test stub -- mirrors include/linux/poison.h (Linux 6.1; subset). */
#ifndef _LINUX_POISON_H
#define _LINUX_POISON_H

# define POISON_POINTER_DELTA 0

#define TIMER_ENTRY_STATIC	((void *) 0x300 + POISON_POINTER_DELTA)

#endif

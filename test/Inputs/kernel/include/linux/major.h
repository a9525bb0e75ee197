/* SPDX-License-Identifier: GPL-2.0 */
/* modsafe test stub -- mirrors include/uapi/linux/major.h (Linux 6.1; subset). */
#ifndef _LINUX_MAJOR_H
#define _LINUX_MAJOR_H

#define UNNAMED_MAJOR		0
#define MEM_MAJOR		1
#define TTY_MAJOR		4
#define LOOP_MAJOR		7
#define MISC_MAJOR		10

#endif

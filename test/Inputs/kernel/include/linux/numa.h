/* SPDX-License-Identifier: GPL-2.0 */
/* modsafe test stub -- mirrors include/linux/numa.h (Linux 6.1; subset). */
#ifndef _LINUX_NUMA_H
#define _LINUX_NUMA_H

#define	NUMA_NO_NODE	(-1)

#endif /* _LINUX_NUMA_H */

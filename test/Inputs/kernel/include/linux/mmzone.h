/* SPDX-License-Identifier: GPL-2.0 */
/* modsafe test stub -- include/linux/mmzone.h (Linux 6.1): nothing needed beyond the include. */
#ifndef _LINUX_MMZONE_H
#define _LINUX_MMZONE_H

#include <linux/types.h>

#endif /* _LINUX_MMZONE_H */

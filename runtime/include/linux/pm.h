/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_PM_H
#define _LINUX_PM_H
#include <linux/types.h>
#include <linux/list.h>
/* pm_power_off is the runtime's variable: the kernel calls it with no module
 * reference and no way to wait for a caller inside it (an unsafe interface). */
#endif

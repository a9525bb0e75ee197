/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_BH_H
#define _LINUX_BH_H
#include <linux/types.h>
#define local_bh_disable() __ms_local_bh_disable()
#define local_bh_enable() __ms_local_bh_enable()
#endif

/* SPDX-License-Identifier: GPL-2.0 */
/* modsafe test stub -- mirrors include/linux/linkage.h (Linux 6.1; subset). */
#ifndef _LINUX_LINKAGE_H
#define _LINUX_LINKAGE_H

#include <linux/compiler_types.h>
#include <linux/stringify.h>

#define CPP_ASMLINKAGE

#ifndef asmlinkage
#define asmlinkage CPP_ASMLINKAGE
#endif

#endif

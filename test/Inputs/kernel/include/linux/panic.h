/* SPDX-License-Identifier: GPL-2.0 */
/* modsafe test stub -- mirrors include/linux/panic.h (Linux 6.1; subset). */
#ifndef _LINUX_PANIC_H
#define _LINUX_PANIC_H

#include <linux/compiler_attributes.h>

void panic(const char *fmt, ...) __noreturn __cold;

#endif /* _LINUX_PANIC_H */

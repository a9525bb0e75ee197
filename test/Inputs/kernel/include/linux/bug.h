/* SPDX-License-Identifier: GPL-2.0 */
/*
 * modsafe test stub -- mirrors include/linux/bug.h, include/asm-generic/bug.h
 * and arch/x86/include/asm/bug.h (Linux 6.1; the __bug_table entry is omitted).
 */
#ifndef _LINUX_BUG_H
#define _LINUX_BUG_H

#include <linux/compiler.h>
#include <linux/build_bug.h>

#define BUG()							\
do {								\
	__asm__ __volatile__("ud2");				\
	__builtin_unreachable();				\
} while (0)

#define BUG_ON(condition) do { if (unlikely(condition)) BUG(); } while (0)

extern __printf(1, 2) void __warn_printk(const char *fmt, ...);

#define __WARN()	__asm__ __volatile__("ud2")

#define WARN_ON(condition) ({						\
	int __ret_warn_on = !!(condition);				\
	if (unlikely(__ret_warn_on))					\
		__WARN();						\
	unlikely(__ret_warn_on);					\
})

#define WARN_ON_ONCE(condition)	WARN_ON(condition)

#define WARN(condition, format...) ({					\
	int __ret_warn_on = !!(condition);				\
	if (unlikely(__ret_warn_on)) {					\
		__warn_printk(format);					\
		__WARN();						\
	}								\
	unlikely(__ret_warn_on);					\
})

#endif	/* _LINUX_BUG_H */

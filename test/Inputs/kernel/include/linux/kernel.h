/* SPDX-License-Identifier: GPL-2.0 */
/*
 * modsafe test stub -- mirrors include/linux/kernel.h (Linux 6.1; subset).
 * might_sleep()/might_fault() follow CONFIG_DEBUG_ATOMIC_SLEEP,
 * CONFIG_PROVE_LOCKING, CONFIG_PREEMPT_VOLUNTARY_BUILD and
 * CONFIG_PREEMPT_DYNAMIC (x86: HAVE_PREEMPT_DYNAMIC_CALL, a static call;
 * here a plain call of the extern trampoline) exactly as the real header
 * does.  Without CONFIG_DEBUG_ATOMIC_SLEEP and with neither preemption
 * option, might_sleep() expands to no call at all.
 */
#ifndef _LINUX_KERNEL_H
#define _LINUX_KERNEL_H

#include <linux/stddef.h>
#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/container_of.h>
#include <linux/bug.h>
#include <linux/typecheck.h>
#include <linux/err.h>
#include <linux/panic.h>
#include <linux/errno.h>
#include <linux/printk.h>

#define ARRAY_SIZE(arr) (sizeof(arr) / sizeof((arr)[0]) + __must_be_array(arr))

#define DIV_ROUND_UP(n, d) (((n) + (d) - 1) / (d))

#define min(x, y)	((x) < (y) ? (x) : (y))
#define max(x, y)	((x) > (y) ? (x) : (y))

#define _THIS_IP_  ({ __label__ __here; __here: (unsigned long)&&__here; })
#define _RET_IP_		(unsigned long)__builtin_return_address(0)

struct completion;
struct user;

#ifdef CONFIG_PREEMPT_VOLUNTARY_BUILD

extern int __cond_resched(void);
# define might_resched() __cond_resched()

#elif defined(CONFIG_PREEMPT_DYNAMIC)

extern int __cond_resched(void);

/* DECLARE_STATIC_CALL(might_resched, __cond_resched) */
extern int __SCT__might_resched(void);

static __always_inline void might_resched(void)
{
	__SCT__might_resched();
}

#else

# define might_resched() do { } while (0)

#endif /* CONFIG_PREEMPT_* */

#ifdef CONFIG_DEBUG_ATOMIC_SLEEP
extern void __might_resched(const char *file, int line, unsigned int offsets);
extern void __might_sleep(const char *file, int line);
extern void __cant_sleep(const char *file, int line, int preempt_offset);

# define might_sleep() \
	do { __might_sleep(__FILE__, __LINE__); might_resched(); } while (0)
# define cant_sleep() \
	do { __cant_sleep(__FILE__, __LINE__, 0); } while (0)
# define non_block_start() do { } while (0)
# define non_block_end() do { } while (0)
#else
  static inline void __might_resched(const char *file, int line,
				     unsigned int offsets) { }
static inline void __might_sleep(const char *file, int line) { }
# define might_sleep() do { might_resched(); } while (0)
# define cant_sleep() do { } while (0)
# define non_block_start() do { } while (0)
# define non_block_end() do { } while (0)
#endif

#define might_sleep_if(cond) do { if (cond) might_sleep(); } while (0)

#if defined(CONFIG_PROVE_LOCKING) || defined(CONFIG_DEBUG_ATOMIC_SLEEP)
#define might_fault() __might_fault(__FILE__, __LINE__)
void __might_fault(const char *file, int line);
#else
static inline void might_fault(void) { }
#endif

#include <linux/stdarg.h>

__printf(2, 3) __malloc char *kasprintf(gfp_t gfp, const char *fmt, ...);
__printf(2, 0) __malloc
char *kvasprintf(gfp_t gfp, const char *fmt, va_list args);
__printf(2, 0)
const char *kvasprintf_const(gfp_t gfp, const char *fmt, va_list args);

#endif

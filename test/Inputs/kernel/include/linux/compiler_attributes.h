/* SPDX-License-Identifier: GPL-2.0 */
/* modsafe test stub -- mirrors include/linux/compiler_attributes.h (Linux 6.1). */
#ifndef _LINUX_COMPILER_ATTRIBUTES_H
#define _LINUX_COMPILER_ATTRIBUTES_H

#define __aligned(x)			__attribute__((__aligned__(x)))
#define __alloc_size__(x, ...)		__attribute__((__alloc_size__(x, ## __VA_ARGS__)))
#define __always_inline			inline __attribute__((__always_inline__))
#define __cold				__attribute__((__cold__))
#define __attribute_const__		__attribute__((__const__))

#if __has_attribute(__copy__)
# define __copy(symbol)			__attribute__((__copy__(symbol)))
#else
# define __copy(symbol)
#endif

#if __has_attribute(__designated_init__)
# define __designated_init		__attribute__((__designated_init__))
#else
# define __designated_init
#endif

#if __has_attribute(__error__)
# define __compiletime_error(msg)	__attribute__((__error__(msg)))
#else
# define __compiletime_error(msg)
#endif

#if __has_attribute(__warning__)
# define __compiletime_warning(msg)	__attribute__((__warning__(msg)))
#else
# define __compiletime_warning(msg)
#endif

#define __gnu_inline			__attribute__((__gnu_inline__))
#define __printf(a, b)			__attribute__((__format__(printf, a, b)))
#define __malloc			__attribute__((__malloc__))
#define noinline			__attribute__((__noinline__))
#define __noreturn			__attribute__((__noreturn__))
#define __packed			__attribute__((__packed__))
#define __pure				__attribute__((__pure__))
#define __section(section)		__attribute__((__section__(section)))
#define __always_unused			__attribute__((__unused__))
#define __maybe_unused			__attribute__((__unused__))
#define __used				__attribute__((__used__))
#define __must_check			__attribute__((__warn_unused_result__))
#define __weak				__attribute__((__weak__))
#define __cleanup(func)			__attribute__((__cleanup__(func)))
#define fallthrough			__attribute__((__fallthrough__))

#endif /* _LINUX_COMPILER_ATTRIBUTES_H */

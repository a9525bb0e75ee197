/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_KTIME_H
#define _LINUX_KTIME_H
#include <linux/types.h>
#include <linux/time64.h>
#include <linux/jiffies.h>
typedef s64 ktime_t;
#define KTIME_MAX ((s64)~((u64)1 << 63))
__ms_inline ktime_t ktime_get(void) { return (ktime_t)__ms_ktime_ns(); }
__ms_inline u64 ktime_get_ns(void) { return __ms_ktime_ns(); }
__ms_inline ktime_t ktime_get_real(void) { return (ktime_t)__ms_ktime_ns(); }
__ms_inline ktime_t ktime_get_boottime(void) { return (ktime_t)__ms_ktime_ns(); }
__ms_inline s64 ktime_to_ns(const ktime_t kt) { return kt; }
__ms_inline s64 ktime_to_us(const ktime_t kt) { return kt / NSEC_PER_USEC; }
__ms_inline s64 ktime_to_ms(const ktime_t kt) { return kt / NSEC_PER_MSEC; }
__ms_inline ktime_t ns_to_ktime(u64 ns) { return (ktime_t)ns; }
__ms_inline ktime_t ms_to_ktime(u64 ms) { return (ktime_t)(ms * NSEC_PER_MSEC); }
#define ktime_add(a, b) ((a) + (b))
#define ktime_sub(a, b) ((a) - (b))
#define ktime_add_ns(kt, ns) ((kt) + (ns))
#define ktime_add_ms(kt, ms) ((kt) + (s64)(ms) * NSEC_PER_MSEC)
#define ktime_set(secs, nsecs) ((ktime_t)(secs) * NSEC_PER_SEC + (nsecs))
#define ktime_compare(a, b) ((a) < (b) ? -1 : (a) > (b) ? 1 : 0)
#define ktime_after(a, b) ((a) > (b))
#define ktime_before(a, b) ((a) < (b))
#define ktime_ms_delta(later, earlier) ktime_to_ms((later) - (earlier))
#define ktime_us_delta(later, earlier) ktime_to_us((later) - (earlier))
#endif

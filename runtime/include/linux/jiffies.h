/* SPDX-License-Identifier: GPL-2.0 */
/* modsafe runtime shim: jiffies run from CLOCK_MONOTONIC (optionally sped up
 * with modsafe-run --time-scale), starting near the wrap like the kernel's. */
#ifndef _LINUX_JIFFIES_H
#define _LINUX_JIFFIES_H
#include <linux/types.h>
#include <linux/kernel.h>
#include <linux/time.h>
#define HZ 250
#define USER_HZ 100
#define jiffies (__ms_jiffies())
#define jiffies_64 ((u64)__ms_jiffies())
#define get_jiffies_64() ((u64)__ms_jiffies())
#define INITIAL_JIFFIES ((unsigned long)(unsigned int)(-300 * HZ))
#define MAX_JIFFY_OFFSET ((LONG_MAX >> 1) - 1)
#define time_after(a, b) ((long)((b) - (a)) < 0)
#define time_before(a, b) time_after(b, a)
#define time_after_eq(a, b) ((long)((a) - (b)) >= 0)
#define time_before_eq(a, b) time_after_eq(b, a)
#define time_in_range(a, b, c) (time_after_eq(a, b) && time_before_eq(a, c))
#define time_is_before_jiffies(a) time_after(jiffies, a)
#define time_is_after_jiffies(a) time_before(jiffies, a)
#define time_is_before_eq_jiffies(a) time_after_eq(jiffies, a)
#define time_is_after_eq_jiffies(a) time_before_eq(jiffies, a)
__ms_inline unsigned long msecs_to_jiffies(const unsigned int m)
{ return (unsigned long)(((unsigned long long)m * HZ + 999) / 1000); }
__ms_inline unsigned long usecs_to_jiffies(const unsigned int u)
{ return (unsigned long)(((unsigned long long)u * HZ + 999999) / 1000000); }
__ms_inline unsigned int jiffies_to_msecs(const unsigned long j) { return (unsigned int)(j * (1000 / HZ)); }
__ms_inline unsigned int jiffies_to_usecs(const unsigned long j) { return (unsigned int)(j * (1000000 / HZ)); }
__ms_inline unsigned long round_jiffies(unsigned long j) { return j; }
__ms_inline unsigned long round_jiffies_relative(unsigned long j) { return j; }
__ms_inline unsigned long round_jiffies_up(unsigned long j) { return j; }
#endif

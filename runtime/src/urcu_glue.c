// SPDX-License-Identifier: GPL-2.0
/*
 * liburcu glue, kept apart from the kernel-named code: liburcu's headers
 * map rcu_read_lock/synchronize_rcu/call_rcu to its own flavour's names.
 * The "bulletproof" flavour needs no thread registration, so module code
 * may enter a read-side section on any thread.
 *
 * ThreadSanitizer does not see liburcu's (uninstrumented) grace-period
 * machinery; under TSan a reader's unlock is annotated to happen before
 * the end of the next grace period, which is what RCU guarantees.
 */
#include <urcu-bp.h>

#if defined(__SANITIZE_THREAD__)
#define MS_TSAN 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define MS_TSAN 1
#endif
#endif
#ifdef MS_TSAN
void AnnotateHappensBefore(const char *f, int l, const volatile void *addr);
void AnnotateHappensAfter(const char *f, int l, const volatile void *addr);
static char rcu_hb;
#endif

void ms_urcu_read_lock(void);
void ms_urcu_read_unlock(void);
void ms_urcu_synchronize(void);

void ms_urcu_read_lock(void) { urcu_bp_read_lock(); }

void ms_urcu_read_unlock(void)
{
#ifdef MS_TSAN
	AnnotateHappensBefore(__FILE__, __LINE__, &rcu_hb);
#endif
	urcu_bp_read_unlock();
}

void ms_urcu_synchronize(void)
{
	urcu_bp_synchronize_rcu();
#ifdef MS_TSAN
	AnnotateHappensAfter(__FILE__, __LINE__, &rcu_hb);
#endif
}

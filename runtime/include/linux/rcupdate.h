/* SPDX-License-Identifier: GPL-2.0 */
/*
 * modsafe runtime shim: RCU on liburcu. Readers are counted per thread
 * (an RCU read-side section is an atomic region: no sleeping in it);
 * rcu_assign_pointer/RCU_INIT_POINTER tell the runtime what is published
 * and unpublished, so that an exit that unpublishes a hook and then frees
 * or returns without a grace period is seen (missing-quiescence).
 */
#ifndef __LINUX_RCUPDATE_H
#define __LINUX_RCUPDATE_H
#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/atomic.h>
#include <linux/preempt.h>
#include <linux/bottom_half.h>
#include <linux/list.h>

#define rcu_head callback_head
typedef void (*rcu_callback_t)(struct rcu_head *head);

#define rcu_read_lock() __ms_rcu_read_lock(0)
#define rcu_read_unlock() __ms_rcu_read_unlock(0)
#define rcu_read_lock_bh() __ms_rcu_read_lock(1)
#define rcu_read_unlock_bh() __ms_rcu_read_unlock(1)
#define rcu_read_lock_sched() __ms_rcu_read_lock(2)
#define rcu_read_unlock_sched() __ms_rcu_read_unlock(2)
#define rcu_read_lock_held() 1
#define rcu_read_lock_bh_held() 1
#define rcu_lockdep_assert(c, s) do { } while (0)
#define RCU_LOCKDEP_WARN(c, s) do { } while (0)

#define RCU_INITIALIZER(v) (v)
#define rcu_access_pointer(p) __atomic_load_n(&(p), __ATOMIC_RELAXED)
#define rcu_dereference(p) __atomic_load_n(&(p), __ATOMIC_ACQUIRE)
#define rcu_dereference_bh(p) rcu_dereference(p)
#define rcu_dereference_sched(p) rcu_dereference(p)
#define rcu_dereference_raw(p) rcu_dereference(p)
#define rcu_dereference_check(p, c) rcu_dereference(p)
#define rcu_dereference_protected(p, c) (p)
#define rcu_pointer_handoff(p) (p)
#define rcu_assign_pointer(p, v) do {						\
	__typeof__(p) __ms_v = (v);						\
	__ms_rcu_note_assign((void *)&(p), (const void *)__ms_v, 0);		\
	__atomic_store_n(&(p), __ms_v, __ATOMIC_RELEASE);			\
} while (0)
#define RCU_INIT_POINTER(p, v) do {						\
	__typeof__(p) __ms_v = (v);						\
	__ms_rcu_note_assign((void *)&(p), (const void *)__ms_v, 1);		\
	__atomic_store_n(&(p), __ms_v, __ATOMIC_RELAXED);			\
} while (0)
#define rcu_replace_pointer(rcu_ptr, ptr, c) ({ __typeof__(ptr) __tmp = (rcu_ptr); \
	rcu_assign_pointer((rcu_ptr), (ptr)); __tmp; })

#define kfree_rcu(ptr, rhf) __ms_kfree_rcu((void *)(ptr), &(ptr)->rhf)
#define kvfree_rcu(ptr, rhf) kfree_rcu(ptr, rhf)
#define synchronize_rcu_bh() synchronize_rcu()
#define synchronize_sched() synchronize_rcu()
#define call_rcu_bh(h, f) call_rcu(h, f)
#define init_rcu_head(h) do { } while (0)
#define destroy_rcu_head(h) do { } while (0)
#define cond_synchronize_rcu(s) synchronize_rcu()
#endif

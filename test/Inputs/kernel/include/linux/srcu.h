/* SPDX-License-Identifier: GPL-2.0+ */
/*
 * modsafe test stub -- mirrors include/linux/srcu.h and srcutree.h
 * (Linux 6.1.192, CONFIG_TREE_SRCU; subset, the read side without lockdep,
 * with the srcu guard class).  init_srcu_struct() is the real statement
 * expression over __init_srcu_struct() with CONFIG_DEBUG_LOCK_ALLOC, an
 * extern without.  DEFINE_SRCU()/DEFINE_STATIC_SRCU() -> __DEFINE_SRCU():
 * with MODULE the real definition (the srcu_struct plus a pointer to it in
 * section "___srcu_struct_ptrs", which the module loader's
 * srcu_module_coming()/srcu_module_going() init and clean up); without
 * MODULE the per-CPU srcu_data and __SRCU_STRUCT_INIT(), which here
 * initialises only the members the stub's srcu_struct has.
 */
#ifndef _LINUX_SRCU_H
#define _LINUX_SRCU_H

#include <linux/mutex.h>
#include <linux/rcupdate.h>
#include <linux/workqueue.h>
#include <linux/percpu.h>

struct srcu_struct;

#ifdef CONFIG_DEBUG_LOCK_ALLOC

int __init_srcu_struct(struct srcu_struct *ssp, const char *name,
		       struct lock_class_key *key);

#define init_srcu_struct(ssp) \
({ \
	static struct lock_class_key __srcu_key; \
	\
	__init_srcu_struct((ssp), #ssp, &__srcu_key); \
})

#else /* #ifdef CONFIG_DEBUG_LOCK_ALLOC */

int init_srcu_struct(struct srcu_struct *ssp);

#endif /* #else #ifdef CONFIG_DEBUG_LOCK_ALLOC */

/* srcutree.h (subset) */
struct srcu_data {
	unsigned long srcu_lock_count[2];	/* Locks per CPU. */
	unsigned long srcu_unlock_count[2];	/* Unlocks per CPU. */
	struct srcu_struct *ssp;
};

struct srcu_struct {
	int srcu_idx;
	struct mutex srcu_gp_mutex;
	struct srcu_data __percpu *sda;		/* Per-CPU srcu_data array. */
	struct delayed_work work;
};

#define __SRCU_STRUCT_INIT(name, pcpu_name)				\
{									\
	.sda = &pcpu_name,						\
	.work = __DELAYED_WORK_INITIALIZER(name.work, NULL, 0),		\
}

#ifdef MODULE
# define __DEFINE_SRCU(name, is_static)					\
	is_static struct srcu_struct name;				\
	extern struct srcu_struct * const __srcu_struct_##name;		\
	struct srcu_struct * const __srcu_struct_##name			\
		__section("___srcu_struct_ptrs") = &name
#else
# define __DEFINE_SRCU(name, is_static)					\
	static DEFINE_PER_CPU(struct srcu_data, name##_srcu_data);	\
	is_static struct srcu_struct name =				\
		__SRCU_STRUCT_INIT(name, name##_srcu_data)
#endif
#define DEFINE_SRCU(name)		__DEFINE_SRCU(name, /* not static */)
#define DEFINE_STATIC_SRCU(name)	__DEFINE_SRCU(name, static)

void call_srcu(struct srcu_struct *ssp, struct rcu_head *head,
		void (*func)(struct rcu_head *head));
void cleanup_srcu_struct(struct srcu_struct *ssp);
int __srcu_read_lock(struct srcu_struct *ssp) __acquires(ssp);
void __srcu_read_unlock(struct srcu_struct *ssp, int idx) __releases(ssp);
void synchronize_srcu(struct srcu_struct *ssp);
void synchronize_srcu_expedited(struct srcu_struct *ssp);
void srcu_barrier(struct srcu_struct *ssp);

static inline int srcu_read_lock(struct srcu_struct *ssp) __acquires(ssp)
{
	int retval;

	retval = __srcu_read_lock(ssp);
	return retval;
}

static inline void srcu_read_unlock(struct srcu_struct *ssp, int idx)
	__releases(ssp)
{
	__srcu_read_unlock(ssp, idx);
}

DEFINE_LOCK_GUARD_1(srcu, struct srcu_struct,
		    _T->idx = srcu_read_lock(_T->lock),
		    srcu_read_unlock(_T->lock, _T->idx),
		    int idx)

#endif

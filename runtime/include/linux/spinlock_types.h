/* SPDX-License-Identifier: GPL-2.0 */
#ifndef __LINUX_SPINLOCK_TYPES_H
#define __LINUX_SPINLOCK_TYPES_H
#include <linux/types.h>
#define __RAW_SPIN_LOCK_INITIALIZER(lockname) { .ms_locked = 0, .ms_owner = 0, .ms_name = #lockname }
#define __RAW_SPIN_LOCK_UNLOCKED(lockname) ((raw_spinlock_t) __RAW_SPIN_LOCK_INITIALIZER(lockname))
#define DEFINE_RAW_SPINLOCK(x) raw_spinlock_t x = __RAW_SPIN_LOCK_UNLOCKED(x)
#define __SPIN_LOCK_INITIALIZER(lockname) { .rlock = __RAW_SPIN_LOCK_INITIALIZER(lockname) }
#define __SPIN_LOCK_UNLOCKED(lockname) ((spinlock_t) __SPIN_LOCK_INITIALIZER(lockname))
#define DEFINE_SPINLOCK(x) spinlock_t x = __SPIN_LOCK_UNLOCKED(x)
#define __RW_LOCK_UNLOCKED(lockname) ((rwlock_t){ .ms_state = 0, .ms_owner = 0, .ms_name = #lockname })
#define DEFINE_RWLOCK(x) rwlock_t x = __RW_LOCK_UNLOCKED(x)
#endif

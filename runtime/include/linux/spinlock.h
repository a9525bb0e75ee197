/* SPDX-License-Identifier: GPL-2.0 */
/*
 * modsafe runtime shim: spinlocks and rwlocks. Each lock/unlock enters or
 * leaves an atomic region of the calling thread (with the call site, so that
 * a sleep inside it is reported with where the region began).
 */
#ifndef __LINUX_SPINLOCK_H
#define __LINUX_SPINLOCK_H
#include <linux/types.h>
#include <linux/kernel.h>
#include <linux/preempt.h>
#include <linux/irqflags.h>
#include <linux/bottom_half.h>
#include <linux/spinlock_types.h>
#include <linux/lockdep.h>
#include <linux/atomic.h>

#define raw_spin_lock_init(l) __ms_spin_lock_init((l), #l)
#define raw_spin_lock(l) __ms_spin_lock((l), 0)
#define raw_spin_unlock(l) __ms_spin_unlock((l), 0)
#define raw_spin_trylock(l) __ms_spin_trylock((l), 0)
#define raw_spin_lock_irq(l) __ms_spin_lock((l), 2)
#define raw_spin_unlock_irq(l) __ms_spin_unlock((l), 2)
#define raw_spin_lock_irqsave(l, flags) do { (flags) = __ms_spin_lock_irqsave(l); } while (0)
#define raw_spin_unlock_irqrestore(l, flags) __ms_spin_unlock_irqrestore((l), (flags))

#define spin_lock_init(l) __ms_spin_lock_init(&(l)->rlock, #l)
#define spin_lock(l) __ms_spin_lock(&(l)->rlock, 0)
#define spin_lock_nested(l, sub) __ms_spin_lock(&(l)->rlock, 0)
#define spin_unlock(l) __ms_spin_unlock(&(l)->rlock, 0)
#define spin_trylock(l) __ms_spin_trylock(&(l)->rlock, 0)
#define spin_lock_bh(l) __ms_spin_lock(&(l)->rlock, 1)
#define spin_unlock_bh(l) __ms_spin_unlock(&(l)->rlock, 1)
#define spin_trylock_bh(l) __ms_spin_trylock(&(l)->rlock, 1)
#define spin_lock_irq(l) __ms_spin_lock(&(l)->rlock, 2)
#define spin_unlock_irq(l) __ms_spin_unlock(&(l)->rlock, 2)
#define spin_trylock_irq(l) __ms_spin_trylock(&(l)->rlock, 2)
#define spin_lock_irqsave(l, flags) do { (flags) = __ms_spin_lock_irqsave(&(l)->rlock); } while (0)
#define spin_lock_irqsave_nested(l, flags, sub) spin_lock_irqsave(l, flags)
#define spin_unlock_irqrestore(l, flags) __ms_spin_unlock_irqrestore(&(l)->rlock, (flags))
#define spin_trylock_irqsave(l, flags) __ms_spin_trylock_irqsave(&(l)->rlock, &(flags))
#define spin_is_locked(l) __ms_spin_is_locked(&(l)->rlock)
#define assert_spin_locked(l) do { (void)(l); } while (0)

#define rwlock_init(l) do { *(l) = __RW_LOCK_UNLOCKED(l); } while (0)
#define read_lock(l) __ms_read_lock((l), 0)
#define read_unlock(l) __ms_read_unlock((l), 0)
#define write_lock(l) __ms_write_lock((l), 0)
#define write_unlock(l) __ms_write_unlock((l), 0)
#define read_lock_bh(l) __ms_read_lock((l), 1)
#define read_unlock_bh(l) __ms_read_unlock((l), 1)
#define write_lock_bh(l) __ms_write_lock((l), 1)
#define write_unlock_bh(l) __ms_write_unlock((l), 1)
#define read_lock_irq(l) __ms_read_lock((l), 2)
#define read_unlock_irq(l) __ms_read_unlock((l), 2)
#define write_lock_irq(l) __ms_write_lock((l), 2)
#define write_unlock_irq(l) __ms_write_unlock((l), 2)
#define read_lock_irqsave(l, flags) do { (flags) = __ms_read_lock_irqsave(l); } while (0)
#define read_unlock_irqrestore(l, flags) __ms_read_unlock_irqrestore((l), (flags))
#define write_lock_irqsave(l, flags) do { (flags) = __ms_write_lock_irqsave(l); } while (0)
#define write_unlock_irqrestore(l, flags) __ms_write_unlock_irqrestore((l), (flags))
#endif

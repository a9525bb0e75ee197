/* SPDX-License-Identifier: GPL-2.0 */
#ifndef __LINUX_MUTEX_H
#define __LINUX_MUTEX_H
#include <linux/types.h>
#include <linux/kernel.h>
#include <linux/lockdep.h>
#define __MUTEX_INITIALIZER(lockname) { .ms_owner = 0, .ms_name = #lockname }
#define DEFINE_MUTEX(mutexname) struct mutex mutexname = __MUTEX_INITIALIZER(mutexname)
#define mutex_init(mutex) __ms_mutex_init((mutex), #mutex)
#define mutex_destroy(mutex) do { (void)(mutex); } while (0)
#define mutex_lock_nested(lock, subclass) mutex_lock(lock)
#define mutex_lock_interruptible_nested(lock, subclass) mutex_lock_interruptible(lock)
#define mutex_lock_io(lock) mutex_lock(lock)
#endif

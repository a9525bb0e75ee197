/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_RWSEM_H
#define _LINUX_RWSEM_H
#include <linux/types.h>
#include <linux/kernel.h>
#define __RWSEM_INITIALIZER(name) { { 0 } }
#define DECLARE_RWSEM(name) struct rw_semaphore name = __RWSEM_INITIALIZER(name)
#define init_rwsem(sem) __ms_init_rwsem(sem)
#define down_read_nested(sem, sub) down_read(sem)
#define down_write_nested(sem, sub) down_write(sem)
#endif

/* SPDX-License-Identifier: GPL-2.0 */
#ifndef __LINUX_SEMAPHORE_H
#define __LINUX_SEMAPHORE_H
#include <linux/types.h>
#define __SEMAPHORE_INITIALIZER(name, n) { .count = n }
#define DEFINE_SEMAPHORE(name) struct semaphore name = __SEMAPHORE_INITIALIZER(name, 1)
#define sema_init(sem, val) __ms_sema_init((sem), (val))
#endif

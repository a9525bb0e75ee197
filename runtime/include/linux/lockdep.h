/* SPDX-License-Identifier: GPL-2.0 */
#ifndef __LINUX_LOCKDEP_H
#define __LINUX_LOCKDEP_H
#include <linux/kernel.h>
struct lock_class_key { int dummy; };
#define lockdep_set_class(lock, key) do { } while (0)
#define lockdep_set_subclass(lock, sub) do { } while (0)
#endif

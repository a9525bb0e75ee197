/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _KOBJECT_H_
#define _KOBJECT_H_
#include <linux/types.h>
#include <linux/list.h>
#include <linux/kref.h>
#include <linux/compiler.h>
__ms_inline const char *kobject_name(const struct kobject *kobj) { return kobj->name; }
extern struct kobject *kernel_kobj;
#endif

/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_MISCDEVICE_H
#define _LINUX_MISCDEVICE_H
#include <linux/major.h>
#include <linux/list.h>
#include <linux/types.h>
#include <linux/device.h>
#include <linux/fs.h>
#define MISC_DYNAMIC_MINOR 255
#define module_misc_device(__misc_device) \
	module_driver(__misc_device, misc_register, misc_deregister)
#define MODULE_ALIAS_MISCDEV(minor)
#endif

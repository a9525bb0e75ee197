/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_MODULE_PARAMS_H
#define _LINUX_MODULE_PARAMS_H
#include <linux/init.h>
#include <linux/stringify.h>
#include <linux/kernel.h>
/* Parameters keep their compiled-in defaults in the shim. */
#define __MS_PARAM_CHECK(name) static __attribute__((unused)) void *__ms_param_##name = (void *)&(name)
#define module_param(name, type, perm) __MS_PARAM_CHECK(name)
#define module_param_named(name, value, type, perm) __MS_PARAM_CHECK(value)
#define module_param_unsafe(name, type, perm) __MS_PARAM_CHECK(name)
#define module_param_array(name, type, nump, perm) __MS_PARAM_CHECK(name)
#define module_param_string(name, string, len, perm) __MS_PARAM_CHECK(string)
#define module_param_cb(name, ops, arg, perm)
#define MODULE_PARM_DESC(_parm, desc)
#endif

/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_BUG_H
#define _LINUX_BUG_H
#include <linux/compiler.h>
#include <linux/build_bug.h>
#include <linux/printk.h>
#define BUG() __ms_bug(__FILE__, __LINE__, "BUG()")
#define BUG_ON(condition) do { if (unlikely(condition)) __ms_bug(__FILE__, __LINE__, #condition); } while (0)
#define WARN_ON(condition) ({ int __ret_warn_on = !!(condition); \
	if (unlikely(__ret_warn_on)) { __ms_warn(__FILE__, __LINE__, #condition); } \
	unlikely(__ret_warn_on); })
#define WARN(condition, format...) ({ int __ret_warn_on = !!(condition); \
	if (unlikely(__ret_warn_on)) { _printk(format); __ms_warn(__FILE__, __LINE__, #condition); } \
	unlikely(__ret_warn_on); })
#define WARN_ON_ONCE(condition) WARN_ON(condition)
#define WARN_ONCE(condition, format...) WARN(condition, format)
#define WARN_TAINT(condition, taint, format...) WARN(condition, format)
#endif

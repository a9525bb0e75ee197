/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _DEVICE_H_
#define _DEVICE_H_
#include <linux/types.h>
#include <linux/kernel.h>
#include <linux/kobject.h>
#include <linux/list.h>
#include <linux/module.h>
#include <linux/device/driver.h>
__ms_inline void *dev_get_drvdata(const struct device *dev) { return dev->driver_data; }
__ms_inline void dev_set_drvdata(struct device *dev, void *data) { dev->driver_data = data; }
__ms_inline const char *dev_name(const struct device *dev) { return dev->ms_name; }
#define class_create(owner, name) __ms_class_create((owner), (name))
#define dev_printk(level, dev, fmt, ...) _printk(level "%s: " fmt, dev_name(dev), ##__VA_ARGS__)
#define dev_emerg(dev, fmt, ...) dev_printk(KERN_EMERG, dev, fmt, ##__VA_ARGS__)
#define dev_crit(dev, fmt, ...) dev_printk(KERN_CRIT, dev, fmt, ##__VA_ARGS__)
#define dev_err(dev, fmt, ...) dev_printk(KERN_ERR, dev, fmt, ##__VA_ARGS__)
#define dev_warn(dev, fmt, ...) dev_printk(KERN_WARNING, dev, fmt, ##__VA_ARGS__)
#define dev_notice(dev, fmt, ...) dev_printk(KERN_NOTICE, dev, fmt, ##__VA_ARGS__)
#define dev_info(dev, fmt, ...) dev_printk(KERN_INFO, dev, fmt, ##__VA_ARGS__)
#define dev_dbg(dev, fmt, ...) no_printk(fmt, ##__VA_ARGS__)
#define dev_err_probe(dev, err, fmt, ...) ({ dev_err(dev, fmt, ##__VA_ARGS__); (err); })
#endif

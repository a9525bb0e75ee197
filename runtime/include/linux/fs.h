/* SPDX-License-Identifier: GPL-2.0 */
/*
 * modsafe runtime shim: files and character devices. fops_get/fops_put and
 * replace_fops are the macros of Linux 6.1; the harness opens a device the
 * way chrdev_open/misc_open do (fops_get, i.e. try_module_get(fops->owner)).
 */
#ifndef _LINUX_FS_H
#define _LINUX_FS_H
#include <linux/types.h>
#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/kdev_t.h>
#include <linux/stat.h>
#include <linux/wait.h>
#include <linux/mutex.h>
#include <linux/spinlock.h>
#include <linux/module.h>
#include <linux/err.h>
#include <linux/uaccess.h>

#define FMODE_READ ((fmode_t)0x1)
#define FMODE_WRITE ((fmode_t)0x2)
#define FMODE_LSEEK ((fmode_t)0x4)
#define FMODE_PREAD ((fmode_t)0x8)
#define FMODE_PWRITE ((fmode_t)0x10)
#define FMODE_EXEC ((fmode_t)0x20)
#define FMODE_STREAM ((fmode_t)0x200000)
#define O_ACCMODE 00000003
#define O_RDONLY 00000000
#define O_WRONLY 00000001
#define O_RDWR 00000002
#define O_CREAT 00000100
#define O_EXCL 00000200
#define O_TRUNC 00001000
#define O_APPEND 00002000
#define O_NONBLOCK 00004000
#define O_NDELAY O_NONBLOCK
#define O_SYNC 04010000
#define SEEK_SET 0
#define SEEK_CUR 1
#define SEEK_END 2
#define MAX_LFS_FILESIZE ((loff_t)LLONG_MAX)
#define CHRDEV_MAJOR_MAX 512
#define CHRDEV_MAJOR_DYN_END 234

#define fops_get(fops) \
	(((fops) && try_module_get((fops)->owner) ? (fops) : NULL))
#define fops_put(fops) \
	do { if (fops) module_put((fops)->owner); } while (0)
#define replace_fops(f, fops) \
	do {	\
		struct file *__file = (f); \
		fops_put(__file->f_op); \
		BUG_ON(!(__file->f_op = (fops))); \
	} while (0)

__ms_inline struct inode *file_inode(const struct file *f) { return f->f_inode; }
__ms_inline unsigned iminor(const struct inode *inode) { return MINOR(inode->i_rdev); }
__ms_inline unsigned imajor(const struct inode *inode) { return MAJOR(inode->i_rdev); }
__ms_inline int register_chrdev(unsigned int major, const char *name, const struct file_operations *fops)
{ return __register_chrdev(major, 0, 256, name, fops); }
__ms_inline void unregister_chrdev(unsigned int major, const char *name)
{ __unregister_chrdev(major, 0, 256, name); }
#define no_seek_end_llseek(f, o, w) default_llseek(f, o, w)
#endif

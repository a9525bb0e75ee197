// SPDX-License-Identifier: GPL-2.0
/*
 * missing-owner, broken: the misc device's file_operations have no owner.
 * misc_open() installs them with fops_get(), which takes no module reference
 * when .owner is NULL: rmmod succeeds while /dev/demo_misc is open, and the
 * next read() or the final close() (->release) runs freed module text.
 */
#include <linux/module.h>
#include <linux/fs.h>
#include <linux/miscdevice.h>

static int demo_open(struct inode *inode, struct file *file)
{
	return 0;
}

static ssize_t demo_read(struct file *file, char __user *buf, size_t len,
			 loff_t *ppos)
{
	return 0;
}

static int demo_release(struct inode *inode, struct file *file)
{
	return 0;
}

static const struct file_operations demo_fops = {
	.open		= demo_open,
	.read		= demo_read,
	.release	= demo_release,
	.llseek		= noop_llseek,
};

static struct miscdevice demo_misc = {
	.minor	= MISC_DYNAMIC_MINOR,
	.name	= "demo_misc",
	.fops	= &demo_fops,
};
module_misc_device(demo_misc);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("modsafe example: missing-owner (broken)");

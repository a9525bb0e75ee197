// SPDX-License-Identifier: GPL-2.0
/*
 * The same device: the status is copied to a local buffer under the
 * spinlock, and to user space after it is released.
 */
#include <linux/module.h>
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/spinlock.h>
#include <linux/uaccess.h>
#include <linux/string.h>

static DEFINE_SPINLOCK(demo_lock);
static char demo_status[32] = "ok\n";

static ssize_t demo_read(struct file *file, char __user *buf, size_t len, loff_t *ppos)
{
	char snap[sizeof(demo_status)];
	size_t n;

	spin_lock(&demo_lock);
	memcpy(snap, demo_status, sizeof(snap));
	spin_unlock(&demo_lock);
	n = strnlen(snap, sizeof(snap));
	if (*ppos >= n)
		return 0;
	if (len > n - *ppos)
		len = n - *ppos;
	if (copy_to_user(buf, snap + *ppos, len))
		return -EFAULT;
	*ppos += len;
	return len;
}

static const struct file_operations demo_fops = {
	.owner	= THIS_MODULE,
	.read	= demo_read,
	.llseek	= noop_llseek,
};

static struct miscdevice demo_misc = {
	.minor	= MISC_DYNAMIC_MINOR,
	.name	= "demo_status",
	.fops	= &demo_fops,
};
module_misc_device(demo_misc);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("modsafe example: sleep-in-atomic (fixed)");

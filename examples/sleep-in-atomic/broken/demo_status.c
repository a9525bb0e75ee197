// SPDX-License-Identifier: GPL-2.0
/*
 * A misc device that hands out a status string. read() copies it to user
 * space while holding the spinlock that protects it: copy_to_user() may
 * fault and sleep, which is illegal in the atomic region of a spinlock.
 * modsafe: sleep-in-atomic at the copy_to_user() in demo_read().
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
	size_t n;

	spin_lock(&demo_lock);
	n = strlen(demo_status);
	if (*ppos >= n) {
		spin_unlock(&demo_lock);
		return 0;
	}
	if (len > n - *ppos)
		len = n - *ppos;
	if (copy_to_user(buf, demo_status + *ppos, len)) {
		spin_unlock(&demo_lock);
		return -EFAULT;
	}
	spin_unlock(&demo_lock);
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
MODULE_DESCRIPTION("modsafe example: sleep-in-atomic (broken)");

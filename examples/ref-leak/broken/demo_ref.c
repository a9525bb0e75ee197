// SPDX-License-Identifier: GPL-2.0
/*
 * A misc device whose open pins the module for the lifetime of a
 * per-file context (its release drops the pin). When the context cannot
 * be allocated, open fails without dropping the reference it took: the
 * module can never be unloaded again ("Module demo_ref is in use").
 * modsafe: ref-leak at the "return -ENOMEM" in demo_open().
 */
#include <linux/module.h>
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/slab.h>

struct demo_ctx {
	unsigned long reads;
};

static int demo_open(struct inode *inode, struct file *file)
{
	struct demo_ctx *ctx;

	if (!try_module_get(THIS_MODULE))
		return -ENODEV;
	ctx = kzalloc(sizeof(*ctx), GFP_KERNEL);
	if (!ctx)
		return -ENOMEM;
	file->private_data = ctx;
	return 0;
}

static ssize_t demo_read(struct file *file, char __user *buf, size_t len, loff_t *ppos)
{
	struct demo_ctx *ctx = file->private_data;

	ctx->reads++;
	return 0;
}

static int demo_release(struct inode *inode, struct file *file)
{
	kfree(file->private_data);
	module_put(THIS_MODULE);
	return 0;
}

static const struct file_operations demo_fops = {
	.owner		= THIS_MODULE,
	.open		= demo_open,
	.read		= demo_read,
	.release	= demo_release,
	.llseek		= noop_llseek,
};

static struct miscdevice demo_misc = {
	.minor	= MISC_DYNAMIC_MINOR,
	.name	= "demo_ref",
	.fops	= &demo_fops,
};
module_misc_device(demo_misc);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("modsafe example: ref-leak (broken)");

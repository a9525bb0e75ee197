// SPDX-License-Identifier: GPL-2.0
/*
 * The same hub, forwarding open() the way misc_open() does: fops_get()
 * takes a reference on the client's owner first (and fails while the
 * client is being unloaded), and the file keeps the client's operations
 * and that reference (replace_fops) until it is closed.
 */
#include <linux/module.h>
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/mutex.h>

static DEFINE_MUTEX(hub_lock);
static const struct file_operations *hub_fops;

int demo_hub_register(const struct file_operations *fops)
{
	int err = -EBUSY;

	mutex_lock(&hub_lock);
	if (!hub_fops) {
		hub_fops = fops;
		err = 0;
	}
	mutex_unlock(&hub_lock);
	return err;
}
EXPORT_SYMBOL_GPL(demo_hub_register);

void demo_hub_unregister(const struct file_operations *fops)
{
	mutex_lock(&hub_lock);
	if (hub_fops == fops)
		hub_fops = NULL;
	mutex_unlock(&hub_lock);
}
EXPORT_SYMBOL_GPL(demo_hub_unregister);

static int hub_open(struct inode *inode, struct file *file)
{
	const struct file_operations *new_fops;
	int err = -ENODEV;

	mutex_lock(&hub_lock);
	new_fops = fops_get(hub_fops);
	if (!new_fops)
		goto out;
	replace_fops(file, new_fops);
	err = 0;
	if (file->f_op->open)
		err = file->f_op->open(inode, file);
out:
	mutex_unlock(&hub_lock);
	return err;
}

static const struct file_operations hub_dev_fops = {
	.owner	= THIS_MODULE,
	.open	= hub_open,
	.llseek	= noop_llseek,
};

static struct miscdevice hub_misc = {
	.minor	= MISC_DYNAMIC_MINOR,
	.name	= "demo_hub",
	.fops	= &hub_dev_fops,
};
module_misc_device(hub_misc);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("modsafe example: unguarded-call (fixed): the hub");

// SPDX-License-Identifier: GPL-2.0
/*
 * A hub device: /dev/demo_hub forwards open() to the file operations that
 * another module registered with demo_hub_register(). It calls the
 * registered ->open without first taking a reference on their owner, so a
 * client module that is being unloaded can still be entered (and freed
 * under the call). modsafe: unguarded-call at "hub_fops->open(...)".
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
	int err = -ENODEV;

	mutex_lock(&hub_lock);
	if (hub_fops && hub_fops->open)
		err = hub_fops->open(inode, file);
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
MODULE_DESCRIPTION("modsafe example: unguarded-call (broken): the hub");

/* A misc device whose fops lack an owner: one missing-owner finding. */
#include <linux/module.h>
#include <linux/fs.h>
#include <linux/miscdevice.h>

static int demo_open(struct inode *inode, struct file *file) { return 0; }

static const struct file_operations demo_fops = {
	.open = demo_open,
};

static struct miscdevice demo_misc = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "demo",
	.fops = &demo_fops,
};
module_misc_device(demo_misc);
MODULE_LICENSE("GPL");

/* The same device with its owner set: nothing to report. */
#include <linux/module.h>
#include <linux/fs.h>
#include <linux/miscdevice.h>

static int clean_open(struct inode *inode, struct file *file) { return 0; }

static const struct file_operations clean_fops = {
	.owner = THIS_MODULE,
	.open = clean_open,
};

static struct miscdevice clean_misc = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "clean",
	.fops = &clean_fops,
};
module_misc_device(clean_misc);
MODULE_LICENSE("GPL");

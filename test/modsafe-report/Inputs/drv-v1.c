/* Baseline test, version 1: two ops structures without an owner. */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/fs.h>
#include <linux/miscdevice.h>

static int drv_open(struct inode *inode, struct file *file)
{
	return 0;
}

static const struct file_operations drv_a_fops = {
	.open = drv_open,
};

static const struct file_operations drv_b_fops = {
	.open = drv_open,
};

static struct miscdevice drv_a = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "drv_a",
	.fops = &drv_a_fops,
};

static struct miscdevice drv_b = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "drv_b",
	.fops = &drv_b_fops,
};

static int __init drv_init(void)
{
	int err = misc_register(&drv_a);

	if (err)
		return err;
	err = misc_register(&drv_b);
	if (err)
		misc_deregister(&drv_a);
	return err;
}

static void __exit drv_exit(void)
{
	misc_deregister(&drv_b);
	misc_deregister(&drv_a);
}

module_init(drv_init);
module_exit(drv_exit);

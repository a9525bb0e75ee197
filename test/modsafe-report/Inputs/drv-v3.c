/* Baseline test, version 3: version 2 plus one new ops structure
 * without an owner. */





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

static int drv_helper(void)
{
	return 1;
}

static const struct file_operations drv_b_fops = {
	.open = drv_open,
};

static const struct file_operations drv_c_fops = {
	.open = drv_open,
};

static struct miscdevice drv_c = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "drv_c",
	.fops = &drv_c_fops,
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
	int err = misc_register(&drv_c);

	if (err)
		return err;
	err = misc_register(&drv_a);

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
	misc_deregister(&drv_c);
}

module_init(drv_init);
module_exit(drv_exit);

/* Module beta: the shared header's miscdevice and one of its own, both
 * without an owner. */
#include <linux/module.h>
#include <linux/init.h>
#include "shared-ops.h"

static int beta_release(struct inode *inode, struct file *file)
{
	return 0;
}

static const struct file_operations beta_fops = {
	.release = beta_release,
};

static struct miscdevice beta_misc = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "beta",
	.fops = &beta_fops,
};

static int __init beta_init(void)
{
	int err = misc_register(&shared_misc);

	if (err)
		return err;
	err = misc_register(&beta_misc);
	if (err)
		misc_deregister(&shared_misc);
	return err;
}

static void __exit beta_exit(void)
{
	misc_deregister(&beta_misc);
	misc_deregister(&shared_misc);
}

module_init(beta_init);
module_exit(beta_exit);

#include <linux/module.h>
#include <linux/init.h>
#include <linux/spinlock.h>
#include <linux/delay.h>
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include "locked.h"

static DEFINE_SPINLOCK(demo_lock);

static int demo_open(struct inode *inode, struct file *file)
{
	locked_sleep(&demo_lock);
	return 0;
}

/* missing-owner, which the project's checks turn off. */
static const struct file_operations demo_fops = {
	.open = demo_open,
};
static struct miscdevice demo_misc = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "demo",
	.fops = &demo_fops,
};

static int __init demo_init(void)
{
	return misc_register(&demo_misc);
}
module_init(demo_init);
MODULE_LICENSE("GPL");

// SPDX-License-Identifier: GPL-2.0
/* A misc device the exit does not deregister. */
#include <linux/module.h>
#include <linux/fs.h>
#include <linux/miscdevice.h>

static int left_open(struct inode *i, struct file *f) { return 0; }
static const struct file_operations left_fops = {
	.owner = THIS_MODULE,
	.open = left_open,
};
static struct miscdevice left_misc = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "left",
	.fops = &left_fops,
};

static int __init demo_init(void) { return misc_register(&left_misc); }
static void __exit demo_exit(void) { }

module_init(demo_init);
module_exit(demo_exit);
MODULE_LICENSE("GPL");

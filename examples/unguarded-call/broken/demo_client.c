// SPDX-License-Identifier: GPL-2.0
/*
 * A client of the hub: it registers its file operations (with their
 * owner) for /dev/demo_hub and takes them back in its exit.
 */
#include <linux/module.h>
#include <linux/fs.h>
#include <linux/printk.h>

int demo_hub_register(const struct file_operations *fops);
void demo_hub_unregister(const struct file_operations *fops);

static unsigned long opens;

static int client_open(struct inode *inode, struct file *file)
{
	opens++;
	return 0;
}

static const struct file_operations client_fops = {
	.owner	= THIS_MODULE,
	.open	= client_open,
};

static int __init client_init(void)
{
	return demo_hub_register(&client_fops);
}

static void __exit client_exit(void)
{
	demo_hub_unregister(&client_fops);
	pr_info("demo_client: %lu opens\n", opens);
}

module_init(client_init);
module_exit(client_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("modsafe example: a client of demo_hub");

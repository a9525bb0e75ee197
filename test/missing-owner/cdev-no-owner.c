// fops given to cdev_init() for a cdev whose own owner is never set:
// chrdev_open() pins neither the cdev's owner (NULL) nor the fops' owner
// (NULL), so nothing keeps the module while the device is open.  (With
// `cdev.owner = THIS_MODULE` the fops would be pinned; see negatives.c.)
// RUN: %clang -fsyntax-only %kinc -DMODULE -fplugin=%modsafe_plugin %s 2>&1 | FileCheck %s '--implicit-check-not=[modsafe-'
// RUN: %clang -fsyntax-only %kinc -DMODULE -fplugin=%modsafe_plugin -fdiagnostics-parseable-fixits %s 2>&1 | FileCheck %s --check-prefix=FIX
#include <linux/module.h>
#include <linux/fs.h>
#include <linux/cdev.h>

static dev_t cn_devt;
static struct cdev cn_cdev;

static int cn_open(struct inode *inode, struct file *file)
{
	file->private_data = inode->i_cdev;
	return 0;
}

// CHECK: cdev-no-owner.c:[[@LINE+4]]:37: warning: 'cn_fops' (struct file_operations) holds callbacks into this module but leaves '.owner' unset; the interface it is handed to cannot pin the module while calling them (Rule #1) [modsafe-missing-owner]
// CHECK: cdev-no-owner.c:[[@LINE+15]]:{{[0-9]+}}: note: handed to 'cdev_init' here
// FIX: fix-it:"{{.*}}cdev-no-owner.c":{[[@LINE+3]]:2-[[@LINE+3]]:2}:".owner = THIS_MODULE,\n\t"
// FIX-NOT: fix-it:
static const struct file_operations cn_fops = {
	.open = cn_open,
	.llseek = noop_llseek,
};

static int __init cn_init(void)
{
	int err;

	err = alloc_chrdev_region(&cn_devt, 0, 1, "cn");
	if (err)
		return err;
	cdev_init(&cn_cdev, &cn_fops);
	err = cdev_add(&cn_cdev, cn_devt, 1);
	if (err)
		unregister_chrdev_region(cn_devt, 1);
	return err;
}

static void __exit cn_exit(void)
{
	cdev_del(&cn_cdev);
	unregister_chrdev_region(cn_devt, 1);
}

module_init(cn_init);
module_exit(cn_exit);
MODULE_LICENSE("GPL");

// A miscdevice declared ahead (tentative definition) and defined with its
// initializer after the init function that registers it: both declarations
// are the same object (sgi-gru's grufile.c does this).
// RUN: %clang -fsyntax-only %kinc -DMODULE -fplugin=%modsafe_plugin %s 2>&1 | FileCheck %s '--implicit-check-not=[modsafe-'
#include <linux/module.h>
#include <linux/fs.h>
#include <linux/miscdevice.h>

static struct miscdevice td_miscdev;

static int __init td_init(void)
{
	// CHECK-DAG: tentative-definition.c:[[@LINE+1]]:{{[0-9]+}}: note: handed to 'misc_register' here
	return misc_register(&td_miscdev);
}

static void __exit td_exit(void)
{
	misc_deregister(&td_miscdev);
}

static int td_open(struct inode *inode, struct file *file)
{
	return 0;
}

// CHECK-DAG: tentative-definition.c:[[@LINE+1]]:37: warning: 'td_fops' (struct file_operations) holds callbacks into this module but leaves '.owner' unset
static const struct file_operations td_fops = {
	.open = td_open,
};

static struct miscdevice td_miscdev = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "td",
	// CHECK-DAG: tentative-definition.c:[[@LINE+1]]:{{[0-9]+}}: note: through 'td_miscdev' (struct miscdevice), field 'fops'
	.fops = &td_fops,
};

module_init(td_init);
module_exit(td_exit);
MODULE_LICENSE("GPL");

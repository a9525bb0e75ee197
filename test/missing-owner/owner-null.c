// An explicit `.owner = NULL` is the same as leaving the owner out; the
// fix-it replaces the NULL with THIS_MODULE instead of inserting a second
// .owner designator.
// RUN: %clang -fsyntax-only %kinc -DMODULE -fplugin=%modsafe_plugin %s 2>&1 | FileCheck %s '--implicit-check-not=[modsafe-'
// RUN: %clang -fsyntax-only %kinc -DMODULE -fplugin=%modsafe_plugin -fdiagnostics-parseable-fixits %s 2>&1 | FileCheck %s --check-prefix=FIX
#include <linux/module.h>
#include <linux/fs.h>
#include <linux/miscdevice.h>

static int on_open(struct inode *inode, struct file *file)
{
	return stream_open(inode, file);
}

// CHECK: owner-null.c:[[@LINE+5]]:37: warning: 'on_fops' (struct file_operations) holds callbacks into this module but sets '.owner' to NULL; the interface it is handed to cannot pin the module while calling them (Rule #1) [modsafe-missing-owner]
// CHECK: owner-null.c:[[@LINE+15]]:{{[0-9]+}}: note: handed to 'misc_register' here
// CHECK: owner-null.c:[[@LINE+12]]:{{[0-9]+}}: note: through 'on_dev' (struct miscdevice), field 'fops'
// FIX: fix-it:"{{.*}}owner-null.c":{[[@LINE+3]]:11-[[@LINE+3]]:15}:"THIS_MODULE"
// FIX-NOT: fix-it:
static const struct file_operations on_fops = {
	.owner = NULL,
	.open = on_open,
	.llseek = no_llseek,
};

static struct miscdevice on_dev = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "on",
	.fops = &on_fops,
};
module_misc_device(on_dev);

MODULE_LICENSE("GPL");

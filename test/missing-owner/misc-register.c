// A miscdevice whose .fops = &fops has no owner, registered by an explicit
// misc_register() call in module_init and removed in module_exit.
// RUN: %clang -fsyntax-only %kinc -DMODULE -fplugin=%modsafe_plugin %s 2>&1 | FileCheck %s '--implicit-check-not=[modsafe-'
// RUN: %clang -fsyntax-only %kinc -DMODULE -fplugin=%modsafe_plugin -fdiagnostics-parseable-fixits %s 2>&1 | FileCheck %s --check-prefix=FIX
#include <linux/module.h>
#include <linux/fs.h>
#include <linux/miscdevice.h>

static int mr_release(struct inode *inode, struct file *file)
{
	return 0;
}

// CHECK: misc-register.c:[[@LINE+6]]:31: warning: 'mr_fops' (struct file_operations) holds callbacks into this module but leaves '.owner' unset; the interface it is handed to cannot pin the module while calling them (Rule #1) [modsafe-missing-owner]
// CHECK: misc-register.c:[[@LINE+20]]:{{[0-9]+}}: note: handed to 'misc_register' here
// CHECK: misc-register.c:[[@LINE+14]]:{{[0-9]+}}: note: through 'mr_dev' (struct miscdevice), field 'fops'
// FIX: misc-register.c:[[@LINE+3]]:31: warning: 'mr_fops'
// FIX: fix-it:"{{.*}}misc-register.c":{[[@LINE+3]]:2-[[@LINE+3]]:2}:".owner = THIS_MODULE,\n\t"
// FIX-NOT: fix-it:
static struct file_operations mr_fops = {
	.llseek = noop_llseek,
	.open = nonseekable_open,
	.release = mr_release,
};

static struct miscdevice mr_dev = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "mr",
	.mode = 0600,
	.fops = &mr_fops,
};

static int __init mr_init(void)
{
	return misc_register(&mr_dev);
}

static void __exit mr_exit(void)
{
	misc_deregister(&mr_dev);
}

module_init(mr_init);
module_exit(mr_exit);
MODULE_LICENSE("GPL");

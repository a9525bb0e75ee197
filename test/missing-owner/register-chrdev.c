// register_chrdev() is a static inline calling __register_chrdev(major, 0,
// 256, name, fops); the cdev it creates takes fops->owner as its owner, so
// fops without an owner leave the open character device unpinned.
// RUN: %clang -fsyntax-only %kinc -DMODULE -fplugin=%modsafe_plugin %s 2>&1 | FileCheck %s '--implicit-check-not=[modsafe-'
// RUN: %clang -fsyntax-only %kinc -DMODULE -DCONFIG_MODULE_UNLOAD -fplugin=%modsafe_plugin %s 2>&1 | FileCheck %s '--implicit-check-not=[modsafe-'
// RUN: %clang -fsyntax-only %kinc -DMODULE -fplugin=%modsafe_plugin -fdiagnostics-parseable-fixits %s 2>&1 | FileCheck %s --check-prefix=FIX
#include <linux/module.h>
#include <linux/fs.h>
#include <linux/uaccess.h>

static int rc_major;

static long rc_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	return -ENOTTY;
}

static ssize_t rc_write(struct file *file, const char __user *buf, size_t n, loff_t *pos)
{
	char c;

	if (n && copy_from_user(&c, buf, 1))
		return -EFAULT;
	return n;
}

// CHECK: register-chrdev.c:[[@LINE+5]]:37: warning: 'rc_fops' (struct file_operations) holds callbacks into this module but leaves '.owner' unset; the interface it is handed to cannot pin the module while calling them (Rule #1) [modsafe-missing-owner]
// CHECK: register-chrdev.c:[[@LINE+12]]:{{[0-9]+}}: note: handed to '{{(__)?}}register_chrdev' here
// FIX: fix-it:"{{.*}}register-chrdev.c":{[[@LINE+4]]:2-[[@LINE+4]]:2}:".owner = THIS_MODULE,\n\t"
// FIX-NOT: fix-it:
// CHECK-NOT: note: through
static const struct file_operations rc_fops = {
	.unlocked_ioctl = rc_ioctl,
	.write = rc_write,
	.llseek = no_llseek,
};

static int __init rc_init(void)
{
	rc_major = register_chrdev(0, "rc", &rc_fops);
	if (rc_major < 0)
		return rc_major;
	return 0;
}

static void __exit rc_exit(void)
{
	unregister_chrdev(rc_major, "rc");
}

module_init(rc_init);
module_exit(rc_exit);
MODULE_LICENSE("GPL");

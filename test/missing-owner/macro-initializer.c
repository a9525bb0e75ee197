// Structures whose initializer comes from a macro are reported (at the
// variable's name, as spelled in this file), but no fix-it is offered: the
// edit would have to go into the macro, which may have other users.
// mi_fops is defined entirely by a macro; mi2_fops has its initializer list
// from a macro.
// RUN: %clang -fsyntax-only %kinc -DMODULE -fplugin=%modsafe_plugin %s 2>&1 | FileCheck %s '--implicit-check-not=[modsafe-'
// RUN: %clang -fsyntax-only %kinc -DMODULE -fplugin=%modsafe_plugin -fdiagnostics-parseable-fixits %s 2>&1 | FileCheck %s --check-prefix=FIX
// FIX-NOT: fix-it:
#include <linux/module.h>
#include <linux/fs.h>

#define MI_FOPS(name, openfn)				\
	static const struct file_operations name = {	\
		.open = openfn,				\
		.llseek = noop_llseek,			\
	}

#define MI_INIT(openfn) { .open = openfn, .read = mi_read }

static int mi_major, mi2_major;

static int mi_open(struct inode *inode, struct file *file)
{
	return 0;
}

static ssize_t mi_read(struct file *file, char __user *buf, size_t n, loff_t *pos)
{
	return 0;
}

// CHECK: macro-initializer.c:[[@LINE+2]]:9: warning: 'mi_fops' (struct file_operations) holds callbacks into this module but leaves '.owner' unset; the interface it is handed to cannot pin the module while calling them (Rule #1) [modsafe-missing-owner]
// CHECK: macro-initializer.c:[[@LINE+9]]:{{[0-9]+}}: note: handed to '{{(__)?}}register_chrdev' here
MI_FOPS(mi_fops, mi_open);

// CHECK: macro-initializer.c:[[@LINE+2]]:37: warning: 'mi2_fops' (struct file_operations) holds callbacks into this module but leaves '.owner' unset; the interface it is handed to cannot pin the module while calling them (Rule #1) [modsafe-missing-owner]
// CHECK: macro-initializer.c:[[@LINE+8]]:{{[0-9]+}}: note: handed to '{{(__)?}}register_chrdev' here
static const struct file_operations mi2_fops = MI_INIT(mi_open);

static int __init mi_init(void)
{
	mi_major = register_chrdev(0, "mi", &mi_fops);
	if (mi_major < 0)
		return mi_major;
	mi2_major = register_chrdev(0, "mi2", &mi2_fops);
	if (mi2_major < 0) {
		unregister_chrdev(mi_major, "mi");
		return mi2_major;
	}
	return 0;
}

static void __exit mi_exit(void)
{
	unregister_chrdev(mi2_major, "mi2");
	unregister_chrdev(mi_major, "mi");
}

module_init(mi_init);
module_exit(mi_exit);
MODULE_LICENSE("GPL");

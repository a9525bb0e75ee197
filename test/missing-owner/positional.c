// Positional (non-designated) initializers: still reported, but no fix-it
// inserts a designator before them, since that would shift every later
// value; an explicit positional NULL owner is replaced in place.  ps_fops spells the owner as a positional NULL (owner is the
// first member of file_operations); ps_family stops before its owner (the
// last member of net_proto_family).
// RUN: %clang -fsyntax-only %kinc -DMODULE -fplugin=%modsafe_plugin %s 2>&1 | FileCheck %s '--implicit-check-not=[modsafe-'
// RUN: %clang -fsyntax-only %kinc -DMODULE -fplugin=%modsafe_plugin -fdiagnostics-parseable-fixits %s 2>&1 | FileCheck %s --check-prefix=FIX
#include <linux/module.h>
#include <linux/fs.h>
#include <linux/net.h>

#define PF_PS 44

static int ps_major;

static loff_t ps_llseek(struct file *file, loff_t off, int whence)
{
	return -ESPIPE;
}

static ssize_t ps_read(struct file *file, char __user *buf, size_t n, loff_t *pos)
{
	return 0;
}

static int ps_create(struct net *net, struct socket *sock, int protocol, int kern)
{
	return -EINVAL;
}

// Replacing the positional NULL in place shifts nothing: that fix-it is safe.
// FIX: fix-it:"{{.*}}positional.c":{[[@LINE+4]]:49-[[@LINE+4]]:53}:"THIS_MODULE"
// FIX-NOT: fix-it:
// CHECK: positional.c:[[@LINE+2]]:37: warning: 'ps_fops' (struct file_operations) holds callbacks into this module but sets '.owner' to NULL; the interface it is handed to cannot pin the module while calling them (Rule #1) [modsafe-missing-owner]
// CHECK: positional.c:[[@LINE+14]]:{{[0-9]+}}: note: handed to '{{(__)?}}register_chrdev' here
static const struct file_operations ps_fops = { NULL, ps_llseek, ps_read };

// CHECK: positional.c:[[@LINE+2]]:38: warning: 'ps_family' (struct net_proto_family) holds callbacks into this module but leaves '.owner' unset; the interface it is handed to cannot pin the module while calling them (Rule #1) [modsafe-missing-owner]
// CHECK: positional.c:[[@LINE+13]]:{{[0-9]+}}: note: handed to 'sock_register' here
static const struct net_proto_family ps_family = {
	PF_PS,
	ps_create,
};

static int __init ps_init(void)
{
	int err;

	ps_major = register_chrdev(0, "ps", &ps_fops);
	if (ps_major < 0)
		return ps_major;
	err = sock_register(&ps_family);
	if (err)
		unregister_chrdev(ps_major, "ps");
	return err;
}

static void __exit ps_exit(void)
{
	sock_unregister(PF_PS);
	unregister_chrdev(ps_major, "ps");
}

module_init(ps_init);
module_exit(ps_exit);
MODULE_LICENSE("GPL");

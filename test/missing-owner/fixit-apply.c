// Applying the fix-its (clang -Xclang -fixit) yields code that compiles
// cleanly and that modsafe no longer reports: an inserted owner, a NULL owner
// replaced, and an owner inserted inside a nested .driver = { ... }.
// RUN: rm -rf %t && mkdir -p %t && cp %s %t/fixed.c
// RUN: %clang -fsyntax-only %kinc -DMODULE -fplugin=%modsafe_plugin -Xclang -fixit %t/fixed.c 2>&1 | FileCheck %s --check-prefix=BEFORE
// BEFORE-COUNT-3: [modsafe-missing-owner]
// RUN: FileCheck %s --check-prefix=APPLIED < %t/fixed.c
// RUN: %clang -fsyntax-only -Wall -Werror %kinc -DMODULE %t/fixed.c
// RUN: %clang -fsyntax-only %kinc -DMODULE -fplugin=%modsafe_plugin %t/fixed.c 2>&1 | FileCheck %s --allow-empty '--implicit-check-not=[modsafe-'
#include <linux/module.h>
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/usb.h>
#include <linux/usb/serial.h>

static int fx_open(struct inode *inode, struct file *file)
{
	return 0;
}

// APPLIED:      {{^}}static const struct file_operations fx_fops = {
// APPLIED-NEXT: {{^}}	.owner = THIS_MODULE,
// APPLIED-NEXT: {{^}}	.open = fx_open,
// APPLIED-NEXT: {{^}}	.llseek = noop_llseek,
// APPLIED-NEXT: {{^}}};
static const struct file_operations fx_fops = {
	.open = fx_open,
	.llseek = noop_llseek,
};

// APPLIED:      {{^}}static const struct file_operations fx_null_fops = {
// APPLIED-NEXT: {{^}}	.owner = THIS_MODULE,
// APPLIED-NEXT: {{^}}	.open = fx_open,
// APPLIED-NEXT: {{^}}};
static const struct file_operations fx_null_fops = {
	.owner = NULL,
	.open = fx_open,
};

static struct miscdevice fx_dev = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "fx",
	.fops = &fx_fops,
};

static struct miscdevice fx_null_dev = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "fxnull",
	.fops = &fx_null_fops,
};

static const struct usb_device_id fx_ids[] = {
	{ USB_DEVICE(0x1234, 0x4321) },
	{ }
};

static int fx_serial_open(struct tty_struct *tty, struct usb_serial_port *port)
{
	return 0;
}

// APPLIED:      {{^}}static struct usb_serial_driver fx_serial = {
// APPLIED-NEXT: {{^}}	.driver = {
// APPLIED-NEXT: {{^}}		.owner = THIS_MODULE,
// APPLIED-NEXT: {{^}}		.name = "fxser",
// APPLIED-NEXT: {{^}}	},
// APPLIED-NEXT: {{^}}	.id_table = fx_ids,
static struct usb_serial_driver fx_serial = {
	.driver = {
		.name = "fxser",
	},
	.id_table = fx_ids,
	.num_ports = 1,
	.open = fx_serial_open,
};

static struct usb_serial_driver * const fx_serial_drivers[] = {
	&fx_serial, NULL
};

static int __init fx_init(void)
{
	int err;

	err = misc_register(&fx_dev);
	if (err)
		return err;
	err = misc_register(&fx_null_dev);
	if (err)
		goto out_dev;
	err = usb_serial_register_drivers(fx_serial_drivers, KBUILD_MODNAME, fx_ids);
	if (err)
		goto out_null;
	return 0;

out_null:
	misc_deregister(&fx_null_dev);
out_dev:
	misc_deregister(&fx_dev);
	return err;
}

static void __exit fx_exit(void)
{
	usb_serial_deregister_drivers(fx_serial_drivers);
	misc_deregister(&fx_null_dev);
	misc_deregister(&fx_dev);
}

module_init(fx_init);
module_exit(fx_exit);
MODULE_LICENSE("GPL");

// usb_serial_driver's guard is the nested driver.owner: serial_install()
// takes try_module_get(serial->type->driver.owner) while a port is open, and
// usb_serial_register_drivers() does not fill it in.  us_dev1 has a
// `.driver = { ... }` sub-list without .owner, so the fix-it goes inside it;
// us_dev2 has no .driver at all, so it gets `.driver.owner = THIS_MODULE,`.
// RUN: %clang -fsyntax-only %kinc -DMODULE -fplugin=%modsafe_plugin %s 2>&1 | FileCheck %s '--implicit-check-not=[modsafe-'
// RUN: %clang -fsyntax-only %kinc -DMODULE -fplugin=%modsafe_plugin -fdiagnostics-parseable-fixits %s 2>&1 | FileCheck %s --check-prefix=FIX
#include <linux/module.h>
#include <linux/usb.h>
#include <linux/usb/serial.h>

static const struct usb_device_id us_ids[] = {
	{ USB_DEVICE(0x1234, 0x0001) },
	{ USB_DEVICE(0x1234, 0x0002) },
	{ }
};
MODULE_DEVICE_TABLE(usb, us_ids);

static int us_open(struct tty_struct *tty, struct usb_serial_port *port)
{
	return 0;
}

static void us_close(struct usb_serial_port *port)
{
}

// CHECK: usb-serial.c:[[@LINE+5]]:33: warning: 'us_dev1' (struct usb_serial_driver) holds callbacks into this module but leaves '{{(\.driver)?}}.owner' unset; the interface it is handed to cannot pin the module while calling them (Rule #1) [modsafe-missing-owner]
// CHECK: usb-serial.c:[[@LINE+30]]:{{[0-9]+}}: note: handed to 'usb_serial_register_drivers' here
// FIX: usb-serial.c:[[@LINE+3]]:33: warning: 'us_dev1'
// FIX: fix-it:"{{.*}}usb-serial.c":{[[@LINE+4]]:3-[[@LINE+4]]:3}:".owner = THIS_MODULE,\n\t\t"
// FIX-NOT: fix-it:
static struct usb_serial_driver us_dev1 = {
	.driver = {
		.name = "us1",
	},
	.id_table = us_ids,
	.num_ports = 1,
	.open = us_open,
	.close = us_close,
};

// CHECK: usb-serial.c:[[@LINE+5]]:33: warning: 'us_dev2' (struct usb_serial_driver) holds callbacks into this module but leaves '{{(\.driver)?}}.owner' unset; the interface it is handed to cannot pin the module while calling them (Rule #1) [modsafe-missing-owner]
// CHECK: usb-serial.c:[[@LINE+15]]:{{[0-9]+}}: note: handed to 'usb_serial_register_drivers' here
// FIX: usb-serial.c:[[@LINE+3]]:33: warning: 'us_dev2'
// FIX: fix-it:"{{.*}}usb-serial.c":{[[@LINE+3]]:2-[[@LINE+3]]:2}:".driver.owner = THIS_MODULE,\n\t"
// FIX-NOT: fix-it:
static struct usb_serial_driver us_dev2 = {
	.description = "us2",
	.id_table = us_ids,
	.num_ports = 2,
	.open = us_open,
};

static struct usb_serial_driver * const us_drivers[] = {
	&us_dev1, &us_dev2, NULL
};

module_usb_serial_driver(us_drivers, us_ids);

MODULE_LICENSE("GPL");

// Not reported: each variable below is an ops structure handed to an
// interface, but its module is pinned some other way.
//  - the owner is set: designated (ng_owner_fops), nested .driver = { .owner }
//    (ng_serial), positional (ng_pos_fops), by an assignment elsewhere in the
//    file (ng_assign_fops), or by the kernel's DEFINE_SHOW_ATTRIBUTE /
//    DEFINE_DEBUGFS_ATTRIBUTE / DEFINE_SIMPLE_ATTRIBUTE macros;
//  - the registration passes THIS_MODULE itself (platform_driver_register,
//    platform_driver_probe, pci_register_driver, usb_register,
//    i2c_add_driver, spi_register_driver);
//  - the fops are pinned by another owner: a cdev whose owner is set
//    (ng_cdev_fops, ng_cdev2_fops), or inode->i_fop in a file whose
//    file_system_type has its owner set (ng_inode_fops);
//  - the structure holds no function of this module (ng_kernel_fops,
//    ng_none_fops), or is never handed anywhere (ng_unused_fops).
// RUN: %clang -fsyntax-only %kinc -DMODULE -fplugin=%modsafe_plugin %s 2>&1 | FileCheck %s --allow-empty '--implicit-check-not=[modsafe-'
// RUN: %clang -fsyntax-only %kinc -DMODULE -DCONFIG_MODULE_UNLOAD -DCONFIG_DEBUG_FS -fplugin=%modsafe_plugin %s 2>&1 | FileCheck %s --allow-empty '--implicit-check-not=[modsafe-'
// RUN: %clang -fsyntax-only %kinc -DMODULE -fplugin=%modsafe_plugin -fdiagnostics-parseable-fixits %s 2>&1 | FileCheck %s --allow-empty --check-prefix=FIX
// FIX-NOT: fix-it:
#include <linux/module.h>
#include <linux/fs.h>
#include <linux/cdev.h>
#include <linux/miscdevice.h>
#include <linux/debugfs.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/platform_device.h>
#include <linux/pci.h>
#include <linux/usb.h>
#include <linux/usb/serial.h>
#include <linux/i2c.h>
#include <linux/spi/spi.h>

static int ng_open(struct inode *inode, struct file *file)
{
	return 0;
}

static ssize_t ng_read(struct file *file, char __user *buf, size_t n, loff_t *pos)
{
	return 0;
}

static loff_t ng_llseek(struct file *file, loff_t off, int whence)
{
	return default_llseek(file, off, whence);
}

/* The owner is set. */
static const struct file_operations ng_owner_fops = {
	.owner = THIS_MODULE,
	.open = ng_open,
	.read = ng_read,
};

static struct miscdevice ng_misc = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "ng",
	.fops = &ng_owner_fops,
};

static const struct usb_device_id ng_usb_ids[] = {
	{ USB_DEVICE(0x1234, 0x5678) },
	{ }
};

static int ng_serial_open(struct tty_struct *tty, struct usb_serial_port *port)
{
	return 0;
}

static struct usb_serial_driver ng_serial = {
	.driver = {
		.owner = THIS_MODULE,
		.name = "ngser",
	},
	.id_table = ng_usb_ids,
	.num_ports = 1,
	.open = ng_serial_open,
};

static struct usb_serial_driver * const ng_serial_drivers[] = {
	&ng_serial, NULL
};

static const struct file_operations ng_pos_fops = { THIS_MODULE, ng_llseek, ng_read };

static struct file_operations ng_assign_fops = {
	.open = ng_open,
	.read = ng_read,
};

static int ng_show_show(struct seq_file *m, void *v)
{
	seq_puts(m, "ng\n");
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(ng_show);

static u64 ng_value;

static int ng_get(void *data, u64 *val)
{
	*val = ng_value;
	return 0;
}

static int ng_set(void *data, u64 val)
{
	ng_value = val;
	return 0;
}
DEFINE_DEBUGFS_ATTRIBUTE(ng_attr_fops, ng_get, ng_set, "%llu\n");
DEFINE_SIMPLE_ATTRIBUTE(ng_simple_fops, ng_get, ng_set, "%llu\n");

/* The registration passes THIS_MODULE. */
static int ng_pprobe(struct platform_device *pdev)
{
	return 0;
}

static struct platform_driver ng_pdrv = {
	.probe = ng_pprobe,
	.driver = {
		.name = "ng-plat",
	},
};

static int ng_premove(struct platform_device *pdev)
{
	return 0;
}

static struct platform_driver ng_pdrv2 = {
	.remove = ng_premove,
	.driver = {
		.name = "ng-plat2",
	},
};

static const struct pci_device_id ng_pci_ids[] = {
	{ PCI_DEVICE(0x1234, 0x5678) },
	{ }
};

static int ng_pci_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	return 0;
}

static void ng_pci_remove(struct pci_dev *pdev)
{
}

static struct pci_driver ng_pcidrv = {
	.name = "ng-pci",
	.id_table = ng_pci_ids,
	.probe = ng_pci_probe,
	.remove = ng_pci_remove,
};

static int ng_usb_probe(struct usb_interface *intf, const struct usb_device_id *id)
{
	return 0;
}

static void ng_usb_disconnect(struct usb_interface *intf)
{
}

static struct usb_driver ng_udrv = {
	.name = "ng-usb",
	.probe = ng_usb_probe,
	.disconnect = ng_usb_disconnect,
	.id_table = ng_usb_ids,
};

static int ng_i2c_probe(struct i2c_client *client)
{
	return 0;
}

static struct i2c_driver ng_i2cdrv = {
	.driver = {
		.name = "ng-i2c",
	},
	.probe_new = ng_i2c_probe,
};

static int ng_spi_probe(struct spi_device *spi)
{
	return 0;
}

static struct spi_driver ng_spidrv = {
	.driver = {
		.name = "ng-spi",
	},
	.probe = ng_spi_probe,
};

/* Pinned by another owner. */
struct ng_dev {
	struct cdev cdev;
	int value;
};

static dev_t ng_devt;
static struct cdev ng_cdev;
static struct ng_dev *ng_devp;

static const struct file_operations ng_cdev_fops = {
	.open = ng_open,
	.read = ng_read,
};

static const struct file_operations ng_cdev2_fops = {
	.open = ng_open,
	.llseek = ng_llseek,
};

static const struct file_operations ng_inode_fops = {
	.open = simple_open,
	.read = ng_read,
};

static int ng_fill_super(struct super_block *sb, void *data, int silent)
{
	struct inode *inode = new_inode(sb);

	if (!inode)
		return -ENOMEM;
	inode->i_ino = get_next_ino();
	inode->i_fop = &ng_inode_fops;
	iput(inode);
	return 0;
}

static struct dentry *ng_mount(struct file_system_type *fs_type, int flags,
			       const char *dev_name, void *data)
{
	return mount_nodev(fs_type, flags, data, ng_fill_super);
}

static struct file_system_type ng_fs_type = {
	.owner = THIS_MODULE,
	.name = "ngfs",
	.mount = ng_mount,
	.kill_sb = kill_anon_super,
};

/* No function of this module, or never handed anywhere. */
static const struct file_operations ng_kernel_fops = {
	.open = simple_open,
	.read = seq_read,
	.llseek = noop_llseek,
	.release = single_release,
};

static const struct file_operations ng_none_fops = {
	.llseek = no_llseek,
};

static const struct file_operations ng_unused_fops __maybe_unused = {
	.open = ng_open,
	.read = ng_read,
};

static struct dentry *ng_dir;
static int ng_pos_major, ng_none_major;

static int __init ng_init(void)
{
	int err;

	ng_assign_fops.owner = THIS_MODULE;

	ng_dir = debugfs_create_dir("ng", NULL);
	debugfs_create_file("assign", 0444, ng_dir, NULL, &ng_assign_fops);
	debugfs_create_file("show", 0444, ng_dir, NULL, &ng_show_fops);
	debugfs_create_file("attr", 0644, ng_dir, NULL, &ng_attr_fops);
	debugfs_create_file("simple", 0644, ng_dir, NULL, &ng_simple_fops);
	debugfs_create_file("kernel", 0444, ng_dir, NULL, &ng_kernel_fops);

	err = misc_register(&ng_misc);
	if (err)
		goto out_debugfs;
	ng_pos_major = register_chrdev(0, "ngpos", &ng_pos_fops);
	if (ng_pos_major < 0) {
		err = ng_pos_major;
		goto out_misc;
	}
	ng_none_major = register_chrdev(0, "ngnone", &ng_none_fops);
	if (ng_none_major < 0) {
		err = ng_none_major;
		goto out_pos;
	}

	err = alloc_chrdev_region(&ng_devt, 0, 2, "ngc");
	if (err)
		goto out_none;
	cdev_init(&ng_cdev, &ng_cdev_fops);
	ng_cdev.owner = THIS_MODULE;
	err = cdev_add(&ng_cdev, ng_devt, 1);
	if (err)
		goto out_region;
	ng_devp = kzalloc(sizeof(*ng_devp), GFP_KERNEL);
	if (!ng_devp) {
		err = -ENOMEM;
		goto out_cdev;
	}
	cdev_init(&ng_devp->cdev, &ng_cdev2_fops);
	ng_devp->cdev.owner = THIS_MODULE;
	err = cdev_add(&ng_devp->cdev, MKDEV(MAJOR(ng_devt), MINOR(ng_devt) + 1), 1);
	if (err)
		goto out_devp;

	err = register_filesystem(&ng_fs_type);
	if (err)
		goto out_cdev2;
	err = usb_serial_register_drivers(ng_serial_drivers, KBUILD_MODNAME, ng_usb_ids);
	if (err)
		goto out_fs;
	err = platform_driver_register(&ng_pdrv);
	if (err)
		goto out_serial;
	err = platform_driver_probe(&ng_pdrv2, ng_pprobe);
	if (err)
		goto out_pdrv;
	err = pci_register_driver(&ng_pcidrv);
	if (err)
		goto out_pdrv2;
	err = usb_register(&ng_udrv);
	if (err)
		goto out_pci;
	err = i2c_add_driver(&ng_i2cdrv);
	if (err)
		goto out_usb;
	err = spi_register_driver(&ng_spidrv);
	if (err)
		goto out_i2c;
	return 0;

out_i2c:
	i2c_del_driver(&ng_i2cdrv);
out_usb:
	usb_deregister(&ng_udrv);
out_pci:
	pci_unregister_driver(&ng_pcidrv);
out_pdrv2:
	platform_driver_unregister(&ng_pdrv2);
out_pdrv:
	platform_driver_unregister(&ng_pdrv);
out_serial:
	usb_serial_deregister_drivers(ng_serial_drivers);
out_fs:
	unregister_filesystem(&ng_fs_type);
out_cdev2:
	cdev_del(&ng_devp->cdev);
out_devp:
	kfree(ng_devp);
out_cdev:
	cdev_del(&ng_cdev);
out_region:
	unregister_chrdev_region(ng_devt, 2);
out_none:
	unregister_chrdev(ng_none_major, "ngnone");
out_pos:
	unregister_chrdev(ng_pos_major, "ngpos");
out_misc:
	misc_deregister(&ng_misc);
out_debugfs:
	debugfs_remove_recursive(ng_dir);
	return err;
}

static void __exit ng_exit(void)
{
	spi_unregister_driver(&ng_spidrv);
	i2c_del_driver(&ng_i2cdrv);
	usb_deregister(&ng_udrv);
	pci_unregister_driver(&ng_pcidrv);
	platform_driver_unregister(&ng_pdrv2);
	platform_driver_unregister(&ng_pdrv);
	usb_serial_deregister_drivers(ng_serial_drivers);
	unregister_filesystem(&ng_fs_type);
	cdev_del(&ng_devp->cdev);
	kfree(ng_devp);
	cdev_del(&ng_cdev);
	unregister_chrdev_region(ng_devt, 2);
	unregister_chrdev(ng_none_major, "ngnone");
	unregister_chrdev(ng_pos_major, "ngpos");
	misc_deregister(&ng_misc);
	debugfs_remove_recursive(ng_dir);
}

module_init(ng_init);
module_exit(ng_exit);
MODULE_LICENSE("GPL");

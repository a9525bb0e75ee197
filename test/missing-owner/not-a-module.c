// missing-owner is about a module's own obligations: built without -DMODULE
// (obj-y) THIS_MODULE is NULL and the code can never be unloaded, so even
// ops structures without an owner are not reported.  The same code built
// with -DMODULE is reported (MODULE prefix).
// RUN: %clang -fsyntax-only %kinc -fplugin=%modsafe_plugin %s 2>&1 | FileCheck %s --allow-empty '--implicit-check-not=[modsafe-'
// RUN: %clang -fsyntax-only %kinc -DCONFIG_MODULE_UNLOAD -fplugin=%modsafe_plugin -fdiagnostics-parseable-fixits %s 2>&1 | FileCheck %s --allow-empty '--implicit-check-not=[modsafe-'
// RUN: %clang -fsyntax-only %kinc -DMODULE -fplugin=%modsafe_plugin %s 2>&1 | FileCheck %s --check-prefix=MODULE
// MODULE: warning: 'nm_fops' (struct file_operations) {{.*}}[modsafe-missing-owner]
// MODULE: warning: 'nm_fs_type' (struct file_system_type) {{.*}}[modsafe-missing-owner]
#include <linux/module.h>
#include <linux/fs.h>
#include <linux/miscdevice.h>

static int nm_open(struct inode *inode, struct file *file)
{
	return 0;
}

static const struct file_operations nm_fops = {
	.open = nm_open,
};

static struct miscdevice nm_dev = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "nm",
	.fops = &nm_fops,
};

static struct dentry *nm_mount(struct file_system_type *fs_type, int flags,
			       const char *dev_name, void *data)
{
	return ERR_PTR(-EINVAL);
}

static struct file_system_type nm_fs_type = {
	.name = "nmfs",
	.mount = nm_mount,
	.kill_sb = kill_anon_super,
};

static int __init nm_init(void)
{
	int err = register_filesystem(&nm_fs_type);

	if (err)
		return err;
	err = misc_register(&nm_dev);
	if (err)
		unregister_filesystem(&nm_fs_type);
	return err;
}

static void __exit nm_exit(void)
{
	misc_deregister(&nm_dev);
	unregister_filesystem(&nm_fs_type);
}

module_init(nm_init);
module_exit(nm_exit);
MODULE_LICENSE("GPL");

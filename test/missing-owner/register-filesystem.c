// register_filesystem() with a file_system_type lacking .owner:
// get_fs_type() takes try_module_get(fs->owner) and a mounted filesystem
// holds it until unmount, so without an owner rmmod can pull the module out
// from under a mount.  (unregister_filesystem() does not wait for mounts.)
// RUN: %clang -fsyntax-only %kinc -DMODULE -fplugin=%modsafe_plugin %s 2>&1 | FileCheck %s '--implicit-check-not=[modsafe-'
// RUN: %clang -fsyntax-only %kinc -DMODULE -fplugin=%modsafe_plugin -fdiagnostics-parseable-fixits %s 2>&1 | FileCheck %s --check-prefix=FIX
#include <linux/module.h>
#include <linux/fs.h>

static int rf_fill_super(struct super_block *sb, void *data, int silent)
{
	static const struct tree_descr rf_files[] = { {""} };

	return simple_fill_super(sb, 0x72667321, rf_files);
}

static struct dentry *rf_mount(struct file_system_type *fs_type, int flags,
			       const char *dev_name, void *data)
{
	return mount_nodev(fs_type, flags, data, rf_fill_super);
}

// CHECK: register-filesystem.c:[[@LINE+4]]:32: warning: 'rf_fs_type' (struct file_system_type) holds callbacks into this module but leaves '.owner' unset; the interface it is handed to cannot pin the module while calling them (Rule #1) [modsafe-missing-owner]
// CHECK: register-filesystem.c:[[@LINE+11]]:{{[0-9]+}}: note: handed to 'register_filesystem' here
// FIX: fix-it:"{{.*}}register-filesystem.c":{[[@LINE+3]]:2-[[@LINE+3]]:2}:".owner = THIS_MODULE,\n\t"
// FIX-NOT: fix-it:
static struct file_system_type rf_fs_type = {
	.name = "rfs",
	.mount = rf_mount,
	.kill_sb = kill_litter_super,
};

static int __init rf_init(void)
{
	return register_filesystem(&rf_fs_type);
}

static void __exit rf_exit(void)
{
	unregister_filesystem(&rf_fs_type);
}

module_init(rf_init);
module_exit(rf_exit);
MODULE_ALIAS_FS("rfs");
MODULE_LICENSE("GPL");

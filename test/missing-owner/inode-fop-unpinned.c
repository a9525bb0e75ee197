// fops assigned to inode->i_fop are pinned by the mounted filesystem's
// file_system_type owner -- but here that owner is missing too, so both the
// file_system_type and the inode's fops are reported.  (With the owner set
// on the file_system_type the fops are pinned; see negatives.c.)
// RUN: %clang -fsyntax-only %kinc -DMODULE -fplugin=%modsafe_plugin %s 2>&1 | FileCheck %s '--implicit-check-not=[modsafe-'
#include <linux/module.h>
#include <linux/fs.h>

static ssize_t iu_read(struct file *file, char __user *buf, size_t n, loff_t *pos)
{
	return simple_read_from_buffer(buf, n, pos, "iu\n", 3);
}

// CHECK-DAG: inode-fop-unpinned.c:[[@LINE+2]]:37: warning: 'iu_file_fops' (struct file_operations) holds callbacks into this module but leaves '.owner' unset; the interface it is handed to cannot pin the module while calling them (Rule #1) [modsafe-missing-owner]
// CHECK-DAG: inode-fop-unpinned.c:[[@LINE+15]]:{{[0-9]+}}: note: stored in field 'i_fop' of struct inode here
static const struct file_operations iu_file_fops = {
	.open = simple_open,
	.read = iu_read,
	.llseek = default_llseek,
};

static int iu_fill_super(struct super_block *sb, void *data, int silent)
{
	struct inode *inode = new_inode(sb);

	if (!inode)
		return -ENOMEM;
	inode->i_ino = get_next_ino();
	inode->i_mode = 0100444;
	inode->i_fop = &iu_file_fops;
	iput(inode);
	return 0;
}

static struct dentry *iu_mount(struct file_system_type *fs_type, int flags,
			       const char *dev_name, void *data)
{
	return mount_nodev(fs_type, flags, data, iu_fill_super);
}

// CHECK-DAG: inode-fop-unpinned.c:[[@LINE+2]]:32: warning: 'iu_fs_type' (struct file_system_type) holds callbacks into this module but leaves '.owner' unset; the interface it is handed to cannot pin the module while calling them (Rule #1) [modsafe-missing-owner]
// CHECK-DAG: inode-fop-unpinned.c:[[@LINE+9]]:{{[0-9]+}}: note: handed to 'register_filesystem' here
static struct file_system_type iu_fs_type = {
	.name = "iu",
	.mount = iu_mount,
	.kill_sb = kill_anon_super,
};

static int __init iu_init(void)
{
	return register_filesystem(&iu_fs_type);
}

static void __exit iu_exit(void)
{
	unregister_filesystem(&iu_fs_type);
}

module_init(iu_init);
module_exit(iu_exit);
MODULE_LICENSE("GPL");

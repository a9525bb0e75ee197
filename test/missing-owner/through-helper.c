// The module's own helper takes the fops as a parameter: what the helper
// does with it decides. hlp_add_misc() hands it to misc_register (reported,
// with a note at the call into the helper); hlp_create_file() stores it in
// the inode of the module's own filesystem, whose file_system_type has an
// owner (pinned, as ibmasmfs does).
// RUN: %clang -fsyntax-only %kinc -DMODULE -fplugin=%modsafe_plugin %s 2>&1 | FileCheck %s '--implicit-check-not=[modsafe-'
#include <linux/module.h>
#include <linux/fs.h>
#include <linux/miscdevice.h>

static struct miscdevice hlp_misc;

static int hlp_add_misc(const struct file_operations *fops)
{
	hlp_misc.minor = MISC_DYNAMIC_MINOR;
	hlp_misc.name = "hlp";
	// CHECK-DAG: through-helper.c:[[@LINE+1]]:{{[0-9]+}}: note: through 'hlp_misc' (struct miscdevice), field 'fops'
	hlp_misc.fops = fops;
	// CHECK-DAG: through-helper.c:[[@LINE+1]]:{{[0-9]+}}: note: handed to 'misc_register' here
	return misc_register(&hlp_misc);
}

static void hlp_create_file(struct inode *inode, const struct file_operations *fops)
{
	inode->i_fop = fops;
}

static int hlp_open(struct inode *inode, struct file *file) { return 0; }
static int hlp_fs_open(struct inode *inode, struct file *file) { return 0; }

// CHECK-DAG: through-helper.c:[[@LINE+1]]:37: warning: 'hlp_misc_fops' (struct file_operations) holds callbacks into this module but leaves '.owner' unset
static const struct file_operations hlp_misc_fops = {
	.open = hlp_open,
};

static const struct file_operations hlp_fs_fops = {
	.open = hlp_fs_open,
};

static int hlp_init_fs_context(struct fs_context *fc) { return 0; }

static struct file_system_type hlp_fs_type = {
	.owner = THIS_MODULE,
	.name = "hlpfs",
	.init_fs_context = hlp_init_fs_context,
	.kill_sb = kill_litter_super,
};

void hlp_fill(struct inode *inode)
{
	hlp_create_file(inode, &hlp_fs_fops);
}

static int __init hlp_init(void)
{
	int err = register_filesystem(&hlp_fs_type);
	if (err)
		return err;
	// CHECK-DAG: through-helper.c:[[@LINE+1]]:{{[0-9]+}}: note: passed to 'hlp_add_misc' as 'fops' here
	return hlp_add_misc(&hlp_misc_fops);
}
module_init(hlp_init);
MODULE_LICENSE("GPL");

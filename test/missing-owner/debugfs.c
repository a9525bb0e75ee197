// debugfs_create_file(): debugfs' open proxy takes fops_get(real_fops), so
// hand-written fops without an owner are not pinned (DEFINE_SHOW_ATTRIBUTE
// and DEFINE_DEBUGFS_ATTRIBUTE set the owner themselves; see negatives.c).
// debugfs_create_file is extern with CONFIG_DEBUG_FS and a static inline
// stub without it, exactly as in linux/debugfs.h; both must be recognised.
// RUN: %clang -fsyntax-only %kinc -DMODULE -DCONFIG_DEBUG_FS -fplugin=%modsafe_plugin %s 2>&1 | FileCheck %s '--implicit-check-not=[modsafe-'
// RUN: %clang -fsyntax-only %kinc -DMODULE -fplugin=%modsafe_plugin %s 2>&1 | FileCheck %s '--implicit-check-not=[modsafe-'
// RUN: %clang -fsyntax-only %kinc -DMODULE -DCONFIG_DEBUG_FS -fplugin=%modsafe_plugin -fdiagnostics-parseable-fixits %s 2>&1 | FileCheck %s --check-prefix=FIX
#include <linux/module.h>
#include <linux/fs.h>
#include <linux/debugfs.h>

static struct dentry *df_dir;
static u32 df_value;

static ssize_t df_read(struct file *file, char __user *buf, size_t n, loff_t *pos)
{
	return simple_read_from_buffer(buf, n, pos, &df_value, sizeof(df_value));
}

// CHECK: debugfs.c:[[@LINE+4]]:37: warning: 'df_fops' (struct file_operations) holds callbacks into this module but leaves '.owner' unset; the interface it is handed to cannot pin the module while calling them (Rule #1) [modsafe-missing-owner]
// CHECK: debugfs.c:[[@LINE+12]]:{{[0-9]+}}: note: handed to 'debugfs_create_file' here
// FIX: fix-it:"{{.*}}debugfs.c":{[[@LINE+3]]:2-[[@LINE+3]]:2}:".owner = THIS_MODULE,\n\t"
// FIX-NOT: fix-it:
static const struct file_operations df_fops = {
	.open = simple_open,
	.read = df_read,
	.llseek = default_llseek,
};

static int __init df_init(void)
{
	df_dir = debugfs_create_dir("df", NULL);
	debugfs_create_file("value", 0444, df_dir, NULL, &df_fops);
	return 0;
}

static void __exit df_exit(void)
{
	debugfs_remove_recursive(df_dir);
}

module_init(df_init);
module_exit(df_exit);
MODULE_LICENSE("GPL");

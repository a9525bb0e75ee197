// A misc device registered with module_misc_device(): the miscdevice's
// .fops = &fops has no owner, so misc_open()'s fops_get() cannot pin the
// module.  Checks the warning, both notes, the fix-it and the JSON report.
// RUN: %clang -fsyntax-only %kinc -DMODULE -fplugin=%modsafe_plugin %s 2>&1 | FileCheck %s '--implicit-check-not=[modsafe-'
// RUN: %clang -fsyntax-only %kinc -DMODULE -fplugin=%modsafe_plugin -fdiagnostics-parseable-fixits %s 2>&1 | FileCheck %s --check-prefix=FIX
// RUN: rm -rf %t && mkdir -p %t && %clang -fsyntax-only %kinc -DMODULE -fplugin=%modsafe_plugin -fplugin-arg-modsafe-report-dir=%t %s 2>/dev/null && cat %t/*.json | FileCheck %s --check-prefix=JSON
#include <linux/module.h>
#include <linux/fs.h>
#include <linux/miscdevice.h>

static int mm_open(struct inode *inode, struct file *file)
{
	return 0;
}

static ssize_t mm_read(struct file *file, char __user *buf, size_t n, loff_t *pos)
{
	return simple_read_from_buffer(buf, n, pos, "mm\n", 3);
}

// CHECK: misc-module-device.c:[[@LINE+7]]:37: warning: 'mm_fops' (struct file_operations) holds callbacks into this module but leaves '.owner' unset; the interface it is handed to cannot pin the module while calling them (Rule #1) [modsafe-missing-owner]
// FIX: misc-module-device.c:[[@LINE+6]]:37: warning: 'mm_fops'
// FIX: fix-it:"{{.*}}misc-module-device.c":{[[@LINE+6]]:2-[[@LINE+6]]:2}:".owner = THIS_MODULE,\n\t"
// FIX-NOT: fix-it:
// JSON: "check": "missing-owner",
// JSON: "line": [[@LINE+2]],
// JSON: "message": "'mm_fops' (struct file_operations) holds callbacks into this module but leaves '.owner' unset;
static const struct file_operations mm_fops = {
	.open = mm_open,
	.read = mm_read,
	.llseek = noop_llseek,
};

static struct miscdevice mm_dev = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "mm",
// CHECK: misc-module-device.c:[[@LINE+4]]:{{[0-9]+}}: note: handed to 'misc_register' here
// CHECK: misc-module-device.c:[[@LINE+1]]:{{[0-9]+}}: note: through 'mm_dev' (struct miscdevice), field 'fops'
	.fops = &mm_fops,
};
module_misc_device(mm_dev);

MODULE_LICENSE("GPL");

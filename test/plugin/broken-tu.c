// A translation unit that does not compile: clang's own errors only, no
// crash, and no report (its AST cannot be trusted).
// RUN: rm -rf %t && mkdir -p %t
// RUN: not %clang -fsyntax-only %kinc -DMODULE -fplugin=%modsafe_plugin -fplugin-arg-modsafe-report-dir=%t %s 2>&1 | FileCheck %s
// CHECK: error: use of undeclared identifier 'no_such_thing'
// CHECK-NOT: modsafe
// RUN: ls %t | count 0
#include <linux/module.h>
#include <linux/fs.h>

static int bt_open(struct inode *inode, struct file *file)
{
	return no_such_thing;
}

static const struct file_operations bt_fops = {
	.open = bt_open,
};

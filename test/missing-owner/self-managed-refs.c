// Callbacks that take module references themselves (isst_if_open() pins
// the provider modules that depend on it, others pin THIS_MODULE) manage the
// module's lifetime explicitly: not reported here; the reference checks
// judge those paths. Without the getter the same code is reported.
// RUN: %clang -fsyntax-only %kinc -DMODULE -fplugin=%modsafe_plugin %s 2>&1 | FileCheck %s --allow-empty '--implicit-check-not=[modsafe-'
// RUN: %clang -fsyntax-only %kinc -DMODULE -DNO_GET -fplugin=%modsafe_plugin %s 2>&1 | FileCheck %s --check-prefix=NOGET
#include <linux/module.h>
#include <linux/fs.h>
#include <linux/miscdevice.h>

struct sm_provider {
	struct module *owner;
	int registered;
};
static struct sm_provider sm_providers[4];

static int sm_open(struct inode *inode, struct file *file)
{
#ifndef NO_GET
	int i;

	int j, ret = 0;

	/* As isst_if_open(): pin every registered provider, or none. */
	for (i = 0; i < 4; ++i) {
		struct sm_provider *p = &sm_providers[i];

		if (p->registered && !try_module_get(p->owner)) {
			ret = -ENODEV;
			break;
		}
	}
	if (ret) {
		for (j = 0; j < i; ++j) {
			struct sm_provider *p = &sm_providers[j];

			if (p->registered)
				module_put(p->owner);
		}
	}
	return ret;
#endif
	return 0;
}

// NOGET: self-managed-refs.c:[[@LINE+1]]:37: warning: 'sm_fops' (struct file_operations) holds callbacks into this module but leaves '.owner' unset
static const struct file_operations sm_fops = {
	.open = sm_open,
};

static struct miscdevice sm_misc = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "sm",
	.fops = &sm_fops,
};
module_misc_device(sm_misc);
MODULE_LICENSE("GPL");

/* Pinning THIS_MODULE from its own open() is no owner: the open races with
 * rmmod before the get, and here it is conditional (the old watchdog
 * drivers' nowayout). Still reported. */
static int nowayout = 1;
static int wd_open(struct inode *inode, struct file *file)
{
	if (nowayout)
		__module_get(THIS_MODULE);
	return 0;
}

// CHECK: self-managed-refs.c:[[@LINE+2]]:37: warning: 'wd_fops' (struct file_operations) holds callbacks into this module but leaves '.owner' unset{{.*}}[modsafe-missing-owner]
// NOGET: self-managed-refs.c:[[@LINE+1]]:37: warning: 'wd_fops' (struct file_operations)
static const struct file_operations wd_fops = {
	.open = wd_open,
};

static struct miscdevice wd_misc = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "wd",
	.fops = &wd_fops,
};

static int __init wd_init(void)
{
	return misc_register(&wd_misc);
}

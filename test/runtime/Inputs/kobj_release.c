// SPDX-License-Identifier: GPL-2.0
/*
 * Alan Stern's case: a kobject whose release method is module code, pinned
 * from outside (an open sysfs file). The exit drops the module's reference;
 * the last one is dropped after rmmod, and its release would run in freed
 * memory. With soft references (--soft-refs) the module's memory is kept
 * until that release has run.
 */
#include <linux/module.h>
#include <linux/kobject.h>
#include <linux/slab.h>

struct demo { struct kobject kobj; int data; };
static struct demo *d;
static int released;

static void demo_release(struct kobject *kobj)
{
	released++;
	kfree(container_of(kobj, struct demo, kobj));
}

static const struct kobj_type demo_ktype = {
	.release = demo_release,
};

static int __init demo_init(void)
{
	d = kzalloc(sizeof(*d), GFP_KERNEL);
	if (!d)
		return -ENOMEM;
	return kobject_init_and_add(&d->kobj, &demo_ktype, NULL, "demo_kobj");
}

static void __exit demo_exit(void)
{
	kobject_put(&d->kobj);
}

module_init(demo_init);
module_exit(demo_exit);
MODULE_LICENSE("GPL");

// put-unbalanced: a put reached on a path where the function's own get was
// not taken (or failed).
// RUN: %clang -fsyntax-only %kinc -DCONFIG_MODULE_UNLOAD -fplugin=%modsafe_plugin -fplugin-arg-modsafe-checks=-*,put-unbalanced %s 2>&1 | FileCheck %s '--implicit-check-not=[modsafe-'
#include <linux/module.h>
#include <linux/fs.h>
#include <linux/errno.h>

int setup(void);

/* Positive: the failure path of the get joins the cleanup that puts. */
int failed_get_cleanup(const struct file_operations *f, struct inode *i, struct file *filp)
{
	int err = 0;

	// CHECK: [[@LINE+9]]:2: warning: drops a module reference on 'f->owner' on a path where it was not taken{{.*}}[modsafe-put-unbalanced]
	// CHECK: [[@LINE+2]]:7: note: the reference 'f->owner' is taken here, but not on every path to the put
	// (the put below is reached when try_module_get fails)
	if (!try_module_get(f->owner)) {
		err = -ENODEV;
		goto out;
	}
	err = f->open(i, filp);
out:
	module_put(f->owner);
	return err;
}

/* Positive: put twice on one path. */
void double_put(struct module *m)
{
	if (!try_module_get(m))
		return;
	module_put(m);
	// CHECK: [[@LINE+1]]:2: warning: drops a module reference on 'm' on a path where it was not taken{{.*}}[modsafe-put-unbalanced]
	module_put(m);
}

/* Negative: release side of a reference taken elsewhere (open/release). */
int my_release(struct inode *i, struct file *filp)
{
	module_put(filp->f_op->owner);
	return 0;
}

/* Negative: balanced, with goto unwinding. */
int balanced(const struct file_operations *f, struct inode *i, struct file *filp)
{
	int err = -ENODEV;

	if (!try_module_get(f->owner))
		goto out;
	err = f->open(i, filp);
	module_put(f->owner);
out:
	return err;
}

/* Negative: NULL owner skipped the get; module_put(NULL) is a no-op. */
int optional_owner(struct module *owner)
{
	if (owner && !try_module_get(owner))
		return -ENODEV;
	if (setup()) {
		module_put(owner);
		return -EIO;
	}
	module_put(owner);
	return 0;
}

/* Negative: loop cursors stand for many objects: no verdict. */
struct prov {
	struct module *owner;
	int registered;
};
static struct prov provs[4];
int pin_all(void)
{
	int i, j;

	for (i = 0; i < 4; i++)
		if (provs[i].registered && !try_module_get(provs[i].owner))
			goto undo;
	return 0;
undo:
	for (j = 0; j < i; j++)
		if (provs[j].registered)
			module_put(provs[j].owner);
	return -ENODEV;
}

/* A putter wrapper of this TU is summarised: its call drops the reference. */
static void drop_fops(const struct file_operations *f)
{
	module_put(f->owner);
}

int via_putter(const struct file_operations *f, struct inode *i, struct file *filp)
{
	int err = 0;

	if (!try_module_get(f->owner)) {
		err = -ENODEV;
		goto out;
	}
	err = f->open(i, filp);
out:
	// CHECK: [[@LINE+1]]:2: warning: drops a module reference on 'f->owner' on a path where it was not taken{{.*}}[modsafe-put-unbalanced]
	drop_fops(f);
	return err;
}

/* Negative: the same wrapper, balanced. */
int via_putter_ok(const struct file_operations *f, struct inode *i, struct file *filp)
{
	int err;

	if (!try_module_get(f->owner))
		return -ENODEV;
	err = f->open(i, filp);
	drop_fops(f);
	return err;
}

/* Negative: swapping to a new object under the same name (vt.c's
 * visual_init): the put drops the old switch's reference, taken elsewhere;
 * the get is on the new one. */
struct con_sw {
	struct module *owner;
};
struct vcon {
	const struct con_sw *sw;
};
extern const struct con_sw *default_sw;
void swap_switch(struct vcon *vc)
{
	if (vc->sw)
		module_put(vc->sw->owner);
	vc->sw = default_sw;
	__module_get(vc->sw->owner);
}

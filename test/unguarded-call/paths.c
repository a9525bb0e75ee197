// unguarded-call: calls through an owner-carrying structure (file_operations,
// file_system_type) reached without a held reference on its owner.
// RUN: %clang -fsyntax-only %kinc -DCONFIG_MODULE_UNLOAD -fplugin=%modsafe_plugin -fplugin-arg-modsafe-checks=-*,unguarded-call %s 2>&1 | FileCheck %s '--implicit-check-not=[modsafe-'
#include <linux/module.h>
#include <linux/fs.h>
#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/errno.h>
#include <linux/printk.h>

struct reg {
	const struct file_operations *fops;
	struct list_head node;
};
static LIST_HEAD(regs);
static DEFINE_MUTEX(regs_lock);
static const struct file_operations *default_fops;
int do_something(void);

/* Positive: the failure of try_module_get is noticed but not acted on. */
int ignored_failure(const struct file_operations *f, struct inode *i, struct file *filp)
{
	// CHECK: [[@LINE+4]]:9: warning: 'f->open' is called on a path where taking the reference on 'f->owner' failed: its module may be unloaded while the call runs in it (Rule #1) [modsafe-unguarded-call]
	// CHECK: [[@LINE+1]]:7: note: 'f->owner' can fail here and the call is still reached
	if (!try_module_get(f->owner))
		pr_warn("going away\n");
	return f->open(i, filp);
}

/* Positive: the reference is dropped before the call. */
int after_put(const struct file_operations *f, struct inode *i, struct file *filp)
{
	int r;

	if (!try_module_get(f->owner))
		return -ENODEV;
	// CHECK: [[@LINE+3]]:6: warning: 'f->open' is called after the reference on 'f->owner' was dropped{{.*}}[modsafe-unguarded-call]
	// CHECK: [[@LINE+1]]:2: note: reference on 'f->owner' dropped here
	module_put(f->owner);
	r = f->open(i, filp);
	return r;
}

/* Positive: one branch takes the reference, the other does not. */
int skipped(const struct file_operations *f, struct inode *i, struct file *filp, int pin)
{
	int r;

	if (pin && !try_module_get(f->owner))
		return -ENODEV;
	// CHECK: [[@LINE+1]]:6: warning: 'f->open' is called on a path that takes no reference on 'f->owner'{{.*}}[modsafe-unguarded-call]
	r = f->open(i, filp);
	if (pin)
		module_put(f->owner);
	return r;
}

/* Positive: registered structures walked without pinning them. */
void walk_registry(struct inode *i, struct file *filp)
{
	struct reg *r;

	mutex_lock(&regs_lock);
	list_for_each_entry(r, &regs, node) {
		const struct file_operations *f = r->fops;
		// CHECK: [[@LINE+1]]:3: warning: 'f->flush' is called on an object loaded from shared data, with no reference on 'f->owner'{{.*}}[modsafe-unguarded-call]
		f->flush(filp, NULL);
	}
	mutex_unlock(&regs_lock);
}

/* Positive: a global pointer to another module's structure. */
int through_global(struct inode *i, struct file *filp)
{
	// CHECK: [[@LINE+1]]:9: warning: 'default_fops->open' is called through a global structure, with no reference on 'default_fops->owner'{{.*}}[modsafe-unguarded-call]
	return default_fops->open(i, filp);
}

/* Negative: the canonical pattern. */
int guarded(const struct file_operations *f, struct inode *i, struct file *filp)
{
	int r;

	if (!try_module_get(f->owner))
		return -ENODEV;
	r = f->open(i, filp);
	module_put(f->owner);
	return r;
}

/* Negative: the get folded into a larger condition. */
int folded(const struct file_operations *f, struct inode *i, struct file *filp)
{
	int r;

	if (!f || !f->open || !try_module_get(f->owner))
		return -ENODEV;
	r = f->open(i, filp);
	module_put(f->owner);
	return r;
}

/* Negative: the outcome kept in a variable, and goto unwinding. */
int kept(const struct file_operations *f, struct inode *i, struct file *filp)
{
	int err = -ENODEV;
	bool ok = try_module_get(f->owner);

	if (!ok)
		goto out;
	err = f->open(i, filp);
	if (err)
		goto put;
	err = do_something();
put:
	module_put(f->owner);
out:
	return err;
}

/* Negative: fops_get, then calls through the new pointer and through the
 * file it was installed in (misc_open's shape). */
int open_like(struct reg *r, struct inode *i, struct file *filp)
{
	const struct file_operations *new_fops = fops_get(r->fops);
	int err = 0;

	if (!new_fops)
		return -ENODEV;
	err = new_fops->open(i, filp);
	replace_fops(filp, new_fops);
	if (filp->f_op->flush)
		err = filp->f_op->flush(filp, NULL);
	return err;
}

/* Negative: the reference taken under the lock and used after it. */
int under_lock(struct inode *i, struct file *filp)
{
	const struct file_operations *f = NULL;
	struct reg *r;
	int err;

	mutex_lock(&regs_lock);
	list_for_each_entry(r, &regs, node)
		if (try_module_get(r->fops->owner)) {
			f = r->fops;
			break;
		}
	mutex_unlock(&regs_lock);
	if (!f)
		return -ENODEV;
	err = f->open(i, filp);
	module_put(f->owner);
	return err;
}

/* Negative: an open file's methods are pinned by the file (knowledge base:
 * pinned_calls file.f_op). */
int file_method(struct inode *i, struct file *filp)
{
	return filp->f_op->open(i, filp);
}

/* Negative: a parameter: pinning it is the caller's job, as Rusty's
 * batching allows. */
int callers_object(const struct file_operations *f, struct inode *i, struct file *filp)
{
	return f->open(i, filp);
}

/* Negative: a getter wrapper of this TU is summarised automatically. */
static int pin_fops(const struct file_operations *f)
{
	if (!try_module_get(f->owner))
		return -EBUSY;
	return 0;
}

int via_wrapper(const struct file_operations *f, struct inode *i, struct file *filp)
{
	int r;

	if (pin_fops(f))
		return -ENODEV;
	r = f->open(i, filp);
	module_put(f->owner);
	return r;
}

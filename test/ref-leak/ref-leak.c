// ref-leak: a path from a successful get to a return that neither puts the
// reference nor hands it off.
// RUN: %clang -fsyntax-only %kinc -DCONFIG_MODULE_UNLOAD -fplugin=%modsafe_plugin -fplugin-arg-modsafe-checks=-*,ref-leak %s 2>&1 | FileCheck %s '--implicit-check-not=[modsafe-'
#include <linux/module.h>
#include <linux/fs.h>
#include <linux/errno.h>

struct session {
	const struct file_operations *fops;
};
int setup(void);

/* Positive: an error return after the get. */
int error_return(const struct file_operations *f, struct inode *i, struct file *filp)
{
	int r;

	// CHECK-DAG: [[@LINE+1]]:7: note: reference taken here
	if (!try_module_get(f->owner))
		return -ENODEV;
	if (setup())
		// CHECK-DAG: [[@LINE+1]]:3: warning: returns an error still holding the module reference on 'f->owner', neither put nor handed off{{.*}}[modsafe-ref-leak]
		return -EIO;
	r = f->open(i, filp);
	module_put(f->owner);
	return r;
}

/* Positive: goto unwinding that skips the put on one label. */
int goto_unwind(const struct file_operations *f, struct inode *i, struct file *filp)
{
	int err = -ENODEV;

	if (!try_module_get(f->owner))
		goto out;
	err = setup();
	if (err)
		goto out;
	err = f->open(i, filp);
	module_put(f->owner);
out:
	// CHECK-DAG: [[@LINE+1]]:2: warning: returns an error still holding the module reference on 'f->owner'{{.*}}[modsafe-ref-leak]
	return err;
}

/* Positive: a result kept from fops_get, dropped on the floor on failure. */
int fops_get_leak(struct session *s, struct inode *i, struct file *filp)
{
	const struct file_operations *f = fops_get(s->fops);

	if (!f)
		return -ENODEV;
	if (setup())
		// CHECK-DAG: [[@LINE+1]]:3: warning: returns an error still holding the module reference on 'f->owner'{{.*}}[modsafe-ref-leak]
		return -EBUSY;
	replace_fops(filp, f);
	return 0;
}

/* Positive: a void function that puts on one path only. */
void void_leak(const struct file_operations *f, struct file *filp, int flush)
{
	if (!try_module_get(f->owner))
		return;
	if (flush) {
		f->flush(filp, NULL);
		module_put(f->owner);
		return;
	}
	f->llseek(filp, 0, 0);
// CHECK-DAG: [[@LINE+1]]:1: warning: returns still holding the module reference on 'f->owner'{{.*}}[modsafe-ref-leak]
}

/* Negative: put on every path. */
int balanced(const struct file_operations *f, struct inode *i, struct file *filp)
{
	int r;

	if (!try_module_get(f->owner))
		return -ENODEV;
	r = f->open(i, filp);
	module_put(f->owner);
	return r;
}

/* Negative: the reference is handed off with the object (stored). */
int handed_off(struct session *s, const struct file_operations *f)
{
	if (!try_module_get(f->owner))
		return -ENODEV;
	s->fops = f;
	return 0;
}

/* Negative: returned with the object: the caller owns the reference. */
const struct file_operations *returned(const struct file_operations *f)
{
	if (!f || !try_module_get(f->owner))
		return NULL;
	return f;
}

/* Negative: a getter: success holds the reference for the caller. */
int pin(struct module *m)
{
	if (!try_module_get(m))
		return -ENODEV;
	return 0;
}

/* Negative: a NULL owner is no reference. */
int null_owner(const struct file_operations *f)
{
	if (f->owner && !try_module_get(f->owner))
		return -ENODEV;
	if (setup()) {
		module_put(f->owner);
		return -EIO;
	}
	return 0;
}

/* Negative: an int used as a truth value (drbd_thread_start): 'true' is
 * success, and the reference goes to the started thread. */
int start_thread(void)
{
	if (!try_module_get(THIS_MODULE))
		return false;
	if (setup()) {
		module_put(THIS_MODULE);
		return false;
	}
	return true;
}

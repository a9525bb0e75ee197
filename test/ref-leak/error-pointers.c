// ref-leak on an error-pointer path (__anon_inode_getfile's shape): IS_ERR
// tests and ERR_PTR/ERR_CAST results come from the knowledge base.
// RUN: %clang -fsyntax-only %kinc -DCONFIG_MODULE_UNLOAD -fplugin=%modsafe_plugin -fplugin-arg-modsafe-checks=-*,ref-leak %s 2>&1 | FileCheck %s '--implicit-check-not=[modsafe-'
// RUN: %clang -fsyntax-only %kinc -DCONFIG_MODULE_UNLOAD -DFIXED -fplugin=%modsafe_plugin -fplugin-arg-modsafe-checks=-*,ref-leak %s 2>&1 | count 0
#include <linux/module.h>
#include <linux/fs.h>
#include <linux/err.h>

struct file *make_file(const struct file_operations *fops);
struct inode *make_inode(void);

struct file *get_file_for(const struct file_operations *fops)
{
	struct inode *inode;
	struct file *file;

	if (fops->owner && !try_module_get(fops->owner))
		return ERR_PTR(-ENOENT);
	inode = make_inode();
	if (IS_ERR(inode)) {
		file = ERR_CAST(inode);
		goto err;
	}
	file = make_file(fops);
	if (IS_ERR(file))
		goto err;
	return file;
err:
#ifdef FIXED
	module_put(fops->owner);
#endif
	// CHECK: [[@LINE+1]]:2: warning: returns an error still holding the module reference on 'fops->owner'{{.*}}[modsafe-ref-leak]
	return file;
}

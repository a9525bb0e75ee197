/* An ops structure without an owner in a header included by the files of two
 * modules: a merged report lists its finding once, naming both modules. */
#include <linux/fs.h>
#include <linux/miscdevice.h>

static int shared_open(struct inode *inode, struct file *file) { return 0; }

static const struct file_operations shared_fops = {
	.open = shared_open,
};

static struct miscdevice shared_misc = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "shared",
	.fops = &shared_fops,
};

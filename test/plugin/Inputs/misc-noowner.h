/* A header that defines an ops structure without an owner: findings here
 * belong to the header and are reported only when header-filter names it. */
#include <linux/fs.h>
#include <linux/miscdevice.h>

static int hdr_open(struct inode *inode, struct file *file) { return 0; }

static const struct file_operations hdr_fops = {
	.open = hdr_open,
};

static struct miscdevice hdr_misc = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "hdr",
	.fops = &hdr_fops,
};

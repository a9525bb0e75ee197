// block_device_operations assigned to gendisk->fops: blkdev_get_whole()
// takes try_module_get(disk->fops->owner) while the device is open, so
// bdops without an owner leave it unpinned.  (.owner is not the first member
// of block_device_operations; the fix-it still goes before the first
// initializer.)
// RUN: %clang -fsyntax-only %kinc -DMODULE -fplugin=%modsafe_plugin %s 2>&1 | FileCheck %s '--implicit-check-not=[modsafe-'
// RUN: %clang -fsyntax-only %kinc -DMODULE -fplugin=%modsafe_plugin -fdiagnostics-parseable-fixits %s 2>&1 | FileCheck %s --check-prefix=FIX
#include <linux/module.h>
#include <linux/blkdev.h>

static struct gendisk *gd_disk;

static int gd_open(struct block_device *bdev, fmode_t mode)
{
	return 0;
}

static void gd_release(struct gendisk *disk, fmode_t mode)
{
}

static void gd_submit_bio(struct bio *bio)
{
}

// CHECK: gendisk-fops.c:[[@LINE+4]]:45: warning: 'gd_bdops' (struct block_device_operations) holds callbacks into this module but leaves '.owner' unset; the interface it is handed to cannot pin the module while calling them (Rule #1) [modsafe-missing-owner]
// CHECK: gendisk-fops.c:[[@LINE+16]]:{{[0-9]+}}: note: stored in field 'fops' of struct gendisk here
// FIX: fix-it:"{{.*}}gendisk-fops.c":{[[@LINE+3]]:2-[[@LINE+3]]:2}:".owner = THIS_MODULE,\n\t"
// FIX-NOT: fix-it:
static const struct block_device_operations gd_bdops = {
	.submit_bio = gd_submit_bio,
	.open = gd_open,
	.release = gd_release,
};

static int __init gd_init(void)
{
	int err;

	gd_disk = blk_alloc_disk(NUMA_NO_NODE);
	if (!gd_disk)
		return -ENOMEM;
	gd_disk->fops = &gd_bdops;
	set_capacity(gd_disk, 2048);
	err = add_disk(gd_disk);
	if (err)
		put_disk(gd_disk);
	return err;
}

static void __exit gd_exit(void)
{
	del_gendisk(gd_disk);
	put_disk(gd_disk);
}

module_init(gd_init);
module_exit(gd_exit);
MODULE_LICENSE("GPL");

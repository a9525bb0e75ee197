// SPDX-License-Identifier: GPL-2.0
/* A work item still running (sleeping) when the exit returns without
 * cancel_work_sync(). */
#include <linux/module.h>
#include <linux/workqueue.h>
#include <linux/delay.h>

static struct work_struct work;
static void work_fn(struct work_struct *w)
{
	msleep(300);
}

static int __init demo_init(void)
{
	INIT_WORK(&work, work_fn);
	schedule_work(&work);
	return 0;
}

static void __exit demo_exit(void)
{
}

module_init(demo_init);
module_exit(demo_exit);
MODULE_LICENSE("GPL");

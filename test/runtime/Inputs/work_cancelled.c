// SPDX-License-Identifier: GPL-2.0
#include <linux/module.h>
#include <linux/workqueue.h>
#include <linux/delay.h>

static struct workqueue_struct *wq;
static struct work_struct work;
static struct delayed_work dwork;
static void work_fn(struct work_struct *w) { msleep(100); }
static void dwork_fn(struct work_struct *w) { }

static int __init demo_init(void)
{
	wq = alloc_workqueue("demo", WQ_UNBOUND, 1);
	if (!wq)
		return -ENOMEM;
	INIT_WORK(&work, work_fn);
	INIT_DELAYED_WORK(&dwork, dwork_fn);
	queue_work(wq, &work);
	queue_delayed_work(wq, &dwork, HZ * 10);
	return 0;
}

static void __exit demo_exit(void)
{
	cancel_delayed_work_sync(&dwork);
	destroy_workqueue(wq);
}

module_init(demo_init);
module_exit(demo_exit);
MODULE_LICENSE("GPL");

// SPDX-License-Identifier: GPL-2.0
/* A one-shot kthread that pins the module with __module_get() and leaves
 * with module_put_and_kthread_exit() (Stern's pattern): rmmod fails while
 * it runs, and succeeds after it has left. */
#include <linux/module.h>
#include <linux/kthread.h>
#include <linux/delay.h>

static int job(void *data)
{
	msleep(200);
	module_put_and_kthread_exit(0);
}

static int __init demo_init(void)
{
	struct task_struct *t;

	__module_get(THIS_MODULE);
	t = kthread_run(job, NULL, "demo_job");
	if (IS_ERR(t)) {
		module_put(THIS_MODULE);
		return PTR_ERR(t);
	}
	return 0;
}

static void __exit demo_exit(void)
{
}

module_init(demo_init);
module_exit(demo_exit);
MODULE_LICENSE("GPL");

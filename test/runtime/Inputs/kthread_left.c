// SPDX-License-Identifier: GPL-2.0
/* A kthread the exit forgets: it is still running when the module is
 * freed, and faults when it next executes module code. */
#include <linux/module.h>
#include <linux/kthread.h>
#include <linux/delay.h>

static struct task_struct *worker;
static unsigned long loops;

static int worker_fn(void *data)
{
	while (!kthread_should_stop()) {
		loops++;
		msleep(20);
	}
	return 0;
}

static int __init demo_init(void)
{
	worker = kthread_run(worker_fn, NULL, "demo_worker");
	return IS_ERR(worker) ? PTR_ERR(worker) : 0;
}

static void __exit demo_exit(void)
{
	pr_info("kthread_left: %lu loops\n", loops);
}

module_init(demo_init);
module_exit(demo_exit);
MODULE_LICENSE("GPL");

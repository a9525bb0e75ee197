// missing-teardown: teardowns the way real drivers write them — in exit, in
// a helper exit calls, in remove, in release, by devm, by destroying the
// private workqueue, by the 6.2 names — and the cases that still leak.
// RUN: %clang -fsyntax-only %kinc -DMODULE -fplugin=%modsafe_plugin -fplugin-arg-modsafe-checks=-*,missing-teardown %s 2>&1 | FileCheck %s '--implicit-check-not=[modsafe-'
#include <linux/module.h>
#include <linux/init.h>
#include <linux/timer.h>
#include <linux/workqueue.h>
#include <linux/kthread.h>
#include <linux/rcupdate.h>
#include <linux/platform_device.h>
#include <linux/devm-helpers.h>
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/slab.h>

struct priv {
	struct timer_list poll;    /* torn down in remove */
	struct timer_list other;   /* torn down nowhere */
	struct delayed_work dw;    /* devm */
	struct work_struct wq_work;/* on a private workqueue */
	struct work_struct never;  /* never queued here */
	struct timer_list open_t;  /* open/release */
};

static struct workqueue_struct *priv_wq;
static struct timer_list global_timer;
static struct timer_list err_only;
static struct task_struct *pinned;
static struct rcu_head gone;

static void poll_fn(struct timer_list *t) { }
static void other_fn(struct timer_list *t) { }
static void dw_fn(struct work_struct *w) { }
static void wq_fn(struct work_struct *w) { }
static void never_fn(struct work_struct *w) { }
static void global_fn(struct timer_list *t) { }
static void open_fn(struct timer_list *t) { }
static void gone_fn(struct rcu_head *h) { }

static int pinned_fn(void *d)
{
	__module_get(THIS_MODULE);
	module_put_and_kthread_exit(0);
	return 0;
}

static int foo_probe(struct platform_device *pdev)
{
	struct priv *p = devm_kzalloc(&pdev->dev, sizeof(*p), GFP_KERNEL);
	int ret;

	if (!p)
		return -ENOMEM;
	timer_setup(&p->poll, poll_fn, 0);
	mod_timer(&p->poll, jiffies + HZ);
	// CHECK-DAG: [[@LINE+1]]:2: warning: timer 'p->other' armed with 'other_fn' (timer_setup) is not torn down synchronously
	timer_setup(&p->other, other_fn, 0);
	mod_timer(&p->other, jiffies + HZ);
	ret = devm_delayed_work_autocancel(&pdev->dev, &p->dw, dw_fn);
	if (ret)
		return ret;
	schedule_delayed_work(&p->dw, HZ);
	INIT_WORK(&p->wq_work, wq_fn);
	queue_work(priv_wq, &p->wq_work);
	INIT_WORK(&p->never, never_fn);
	platform_set_drvdata(pdev, p);
	return 0;
}

static void stop_polling(struct priv *p)
{
	// CHECK-DAG: [[@LINE+1]]:2: note: 'del_timer_sync' here tears down a different timer
	del_timer_sync(&p->poll);
}

// CHECK-DAG: [[@LINE+1]]:12: note: 'foo_driver.remove' and the functions it calls do not wait for it
static int foo_remove(struct platform_device *pdev)
{
	stop_polling(platform_get_drvdata(pdev));
	return 0;
}

static struct platform_driver foo_driver = {
	.probe = foo_probe,
	.remove = foo_remove,
	.driver = { .name = "foo" },
};

static int foo_open(struct inode *inode, struct file *file)
{
	struct priv *p = kzalloc(sizeof(*p), GFP_KERNEL);

	timer_setup(&p->open_t, open_fn, 0);
	add_timer(&p->open_t);
	file->private_data = p;
	return 0;
}

// CHECK-DAG: [[@LINE+1]]:12: note: 'foo_fops.release' and the functions it calls do not wait for it
static int foo_release(struct inode *inode, struct file *file)
{
	struct priv *p = file->private_data;

	timer_shutdown_sync(&p->open_t);
	kfree(p);
	return 0;
}

static const struct file_operations foo_fops = {
	.owner = THIS_MODULE,
	.open = foo_open,
	.release = foo_release,
};

static struct miscdevice foo_misc = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "foo",
	.fops = &foo_fops,
};

static void teardown_globals(void)
{
	timer_delete_sync(&global_timer);
	rcu_barrier();
}

static int __init foo_init(void)
{
	int ret;

	priv_wq = alloc_workqueue("foo", 0, 0);
	if (!priv_wq)
		return -ENOMEM;
	timer_setup(&global_timer, global_fn, 0);
	mod_timer(&global_timer, jiffies + HZ);
	// A teardown on init's error path only does not cover unload.
	// CHECK-DAG: [[@LINE+1]]:2: warning: timer 'err_only' armed with 'global_fn' (timer_setup) is not torn down synchronously
	timer_setup(&err_only, global_fn, 0);
	mod_timer(&err_only, jiffies + HZ);
	pinned = kthread_run(pinned_fn, NULL, "pinned");
	call_rcu(&gone, gone_fn);
	ret = misc_register(&foo_misc);
	if (ret)
		goto err;
	ret = platform_driver_register(&foo_driver);
	if (ret)
		goto err_misc;
	return 0;
err_misc:
	misc_deregister(&foo_misc);
err:
	// CHECK-DAG: [[@LINE+1]]:2: note: 'del_timer_sync' here is not reached from the exit or a remove/release path
	del_timer_sync(&err_only);
	destroy_workqueue(priv_wq);
	return ret;
}

// CHECK-DAG: [[@LINE+1]]:20: note: the module's exit 'foo_exit' and the functions it calls do not wait for it
static void __exit foo_exit(void)
{
	platform_driver_unregister(&foo_driver);
	misc_deregister(&foo_misc);
	teardown_globals();
	destroy_workqueue(priv_wq);
}

module_init(foo_init);
module_exit(foo_exit);
MODULE_LICENSE("GPL");

// The first file of module 'demo': init, exit, the deferred objects, and
// calls into demo_hw.c under a spinlock and from a timer.
#include <linux/module.h>
#include <linux/init.h>
#include <linux/spinlock.h>
#include <linux/timer.h>
#include <linux/workqueue.h>
#include "demo.h"

static DEFINE_SPINLOCK(demo_lock);
static struct timer_list demo_timer;
struct work_struct demo_work;

static void demo_timer_fn(struct timer_list *t)
{
#ifndef FIXED
	demo_hw_wait();			/* sleeps, in demo_hw.c: reported */
#else
	demo_hw_poke();
#endif
	mod_timer(&demo_timer, jiffies + HZ);
}

static void demo_work_fn(struct work_struct *w)
{
	demo_hw_wait();			/* process context: fine */
}

static void demo_kick(void)
{
	spin_lock(&demo_lock);
	demo_hw_poke();			/* never sleeps: fine */
	demo_hw_relock_wait(&demo_lock);	/* sleeps unlocked: fine */
#ifndef FIXED
	demo_hw_wait();			/* sleeps, in demo_hw.c: reported */
#endif
	spin_unlock(&demo_lock);
}

static int __init demo_init(void)
{
	int err = demo_hw_setup();

	if (err)
		return err;
	timer_setup(&demo_timer, demo_timer_fn, 0);
	mod_timer(&demo_timer, jiffies + HZ);
	INIT_WORK(&demo_work, demo_work_fn);
	schedule_work(&demo_work);
	demo_kick();
	return request_irq(5, demo_irq_handler, 0, "demo", NULL);
}

static void __exit demo_exit(void)
{
	free_irq(5, NULL);
	demo_hw_stop();			/* cancels demo_work, in demo_hw.c */
#ifdef FIXED
	del_timer_sync(&demo_timer);
#endif
}

module_init(demo_init);
module_exit(demo_exit);
MODULE_LICENSE("GPL");

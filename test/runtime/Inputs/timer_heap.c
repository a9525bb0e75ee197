// SPDX-License-Identifier: GPL-2.0
/* A timer in allocated memory that the exit forgets: the timer object
 * survives the module, so the timer really calls into the freed (PROT_NONE)
 * module text; the fault is caught and reported. */
#include <linux/module.h>
#include <linux/timer.h>
#include <linux/slab.h>
#include <linux/jiffies.h>

struct demo { struct timer_list t; int fired; };
static struct demo *d;

static void demo_fn(struct timer_list *t)
{
	struct demo *x = from_timer(x, t, t);
	x->fired++;
}

static int __init demo_init(void)
{
	d = kzalloc(sizeof(*d), GFP_KERNEL);
	if (!d)
		return -ENOMEM;
	timer_setup(&d->t, demo_fn, 0);
	mod_timer(&d->t, jiffies + HZ / 5);
	return 0;
}

static void __exit demo_exit(void)
{
}

module_init(demo_init);
module_exit(demo_exit);
MODULE_LICENSE("GPL");

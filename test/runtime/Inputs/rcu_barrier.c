// SPDX-License-Identifier: GPL-2.0
/* The exit hands an object to call_rcu() with a callback in the module and
 * waits with rcu_barrier(): no finding. */
#include <linux/module.h>
#include <linux/rcupdate.h>
#include <linux/slab.h>

struct obj { int v; struct rcu_head rh; };
static struct obj *o;

static void obj_free(struct rcu_head *h)
{
	kfree(container_of(h, struct obj, rh));
}

static int __init demo_init(void)
{
	o = kzalloc(sizeof(*o), GFP_KERNEL);
	return o ? 0 : -ENOMEM;
}

static void __exit demo_exit(void)
{
	call_rcu(&o->rh, obj_free);
	rcu_barrier();
}

module_init(demo_init);
module_exit(demo_exit);
MODULE_LICENSE("GPL");

// SPDX-License-Identifier: GPL-2.0
/*
 * A packet-length filter published through an RCU hook of the kernel.
 * Callers run the hook under rcu_read_lock() without a module reference
 * (a noncounting entry point). The exit unpublishes it and frees the
 * filter's state after synchronize_rcu(): every CPU that was inside
 * demo_filter() has left it before the state goes.
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/rcupdate.h>
#include <linux/slab.h>

struct demo_state {
	int threshold;
	unsigned long dropped;
};

/* The hook a subsystem would declare in its header. */
int (__rcu *demo_len_hook)(int len);

static struct demo_state *state;

static int demo_filter(int len)
{
	if (len <= state->threshold)
		return 0;
	state->dropped++;
	return -1;
}

static int __init demo_init(void)
{
	state = kzalloc(sizeof(*state), GFP_KERNEL);
	if (!state)
		return -ENOMEM;
	state->threshold = 1500;
	rcu_assign_pointer(demo_len_hook, demo_filter);
	return 0;
}

static void __exit demo_exit(void)
{
	RCU_INIT_POINTER(demo_len_hook, NULL);
	synchronize_rcu();	/* wait for callers already inside demo_filter() */
	kfree(state);
}

module_init(demo_init);
module_exit(demo_exit);
MODULE_LICENSE("GPL");

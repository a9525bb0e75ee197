// Publishing the caller's ops for RCU readers keeps them just the same:
// rcu_assign_pointer() (which stores through a local copy of the value and
// smp_store_release), list_add_rcu(), hlist_add_head_rcu() and WRITE_ONCE()
// all end in a store into storage that outlives the call.
// RUN: %clang -fsyntax-only %kinc -I %S/Inputs -fplugin=%modsafe_plugin %s 2>&1 | FileCheck %s '--implicit-check-not=[modsafe-'
// RUN: %clang -fsyntax-only %kinc -I %S/Inputs -DCONFIG_PREEMPT_RCU -fplugin=%modsafe_plugin %s 2>&1 | FileCheck %s '--implicit-check-not=[modsafe-'
#include <linux/module.h>
#include <linux/rculist.h>
#include <linux/slab.h>
#include "hooks.h"

static const struct rp_ops __rcu *rp_current;
static LIST_HEAD(rp_list);
static struct hlist_head rp_table[16];

struct rp_slot {
	struct rp_ops *ops;
};
static struct rp_slot *rp_slots;

// CHECK: rcu-publish.c:[[@LINE+1]]:5: warning: 'rp_publish' stores the caller's callbacks ('ops', struct rp_ops) for later calls but has no 'struct module *' owner in the structure nor as a parameter; the module that supplies them cannot be pinned before they are called (Rule #1) [modsafe-interface-no-owner]
int rp_publish(const struct rp_ops *ops)
{
	// CHECK: rcu-publish.c:[[@LINE+1]]:2: note: stored in 'rp_current' here
	rcu_assign_pointer(rp_current, ops);
	return 0;
}
// CHECK: rcu-publish.c:[[@LINE-6]]:37: note: add 'struct module *owner' to struct rp_ops

// CHECK: rcu-publish.c:[[@LINE+1]]:5: warning: 'rp_add' stores the caller's callbacks ('ops', struct rp_ops) {{.*}} [modsafe-interface-no-owner]
int rp_add(struct rp_ops *ops)
{
	struct rp_ops *o = ops;

	if (rp_slots) {
		// CHECK: rcu-publish.c:[[@LINE+1]]:3: note: stored in field 'ops' of struct rp_slot here
		WRITE_ONCE(rp_slots[0].ops, o);
		return 0;
	}
	list_add_rcu(&o->list, &rp_list);
	return 0;
}
// CHECK: note: add 'struct module *owner' to struct rp_ops

// CHECK: rcu-publish.c:[[@LINE+1]]:5: warning: 'rp_hash' stores the caller's callbacks ('ops', struct rp_ops) {{.*}} [modsafe-interface-no-owner]
int rp_hash(struct rp_ops *ops, unsigned int key)
{
	// CHECK: rcu-publish.c:[[@LINE+1]]:21: note: linked in by 'hlist_add_head_rcu' here
	hlist_add_head_rcu(&ops->node, &rp_table[key % 16]);
	return 0;
}
// CHECK: note: add 'struct module *owner' to struct rp_ops

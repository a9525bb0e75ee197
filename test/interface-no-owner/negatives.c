// Not reported: every function below is an interface (declared in the
// subsystem's header or exported) that takes callbacks, but Rule #1 is kept
// or does not apply:
//  - the structure carries a 'struct module *' owner (ng_register_owned), or
//    one pointer down, as a miscdevice's fops do (ng_add_device);
//  - the owner is a parameter (ng_register_hook);
//  - the knowledge base says the interface is safe: it is one
//    (blocking_notifier_chain_register: unregistering waits), it hands the
//    callbacks to one, even when it also keeps them for its own bookkeeping
//    (ng_setup_irq, request_irq), or what it keeps is an object a safe
//    interface registers (ng_register_notifier: a notifier_block);
//  - the callbacks are only called (ng_call_all) or only copied into a
//    local (ng_copy_local), or stored into the caller's own object
//    (ng_init_obj, ng_self_link: whatever registers that object keeps them);
//  - the object is a deferred-execution object (a timer_list: arming and
//    tearing down timers is missing-teardown's business) or counts its own
//    references (a kref: its release is Stern's rule);
//  - the function is static and not exported (ng_local_register).
// RUN: %clang -fsyntax-only %kinc -I %S/Inputs -fplugin=%modsafe_plugin %s 2>&1 | FileCheck %s --allow-empty '--implicit-check-not=[modsafe-'
// RUN: %clang -fsyntax-only %kinc -I %S/Inputs -DMODULE -fplugin=%modsafe_plugin %s 2>&1 | FileCheck %s --allow-empty '--implicit-check-not=[modsafe-'
// CHECK-NOT: warning
#include <linux/module.h>
#include <linux/list.h>
#include <linux/notifier.h>
#include <linux/timer.h>
#include <linux/fs.h>
#include <linux/interrupt.h>
#include "hooks.h"

static LIST_HEAD(ng_list);
static void (*ng_hook)(void);
static struct module *ng_hook_owner;

/* The owner is in the structure. */
int ng_register_owned(struct ng_owned_ops *ops)
{
	list_add(&ops->list, &ng_list);
	return 0;
}
EXPORT_SYMBOL(ng_register_owned);

/* The owner is a parameter. */
int ng_register_hook(void (*fn)(void), struct module *owner)
{
	ng_hook_owner = owner;
	ng_hook = fn;
	return 0;
}
EXPORT_SYMBOL(ng_register_hook);

/* The owner is one pointer down: dev->methods->owner. */
int ng_add_device(struct ng_device *dev)
{
	list_add_tail(&dev->list, &ng_list);
	return 0;
}
EXPORT_SYMBOL(ng_add_device);

/* Safe by the knowledge base: notifier chains unregister synchronously. */
static struct blocking_notifier_head ng_chain;
static struct notifier_block *ng_last_nb;

int blocking_notifier_chain_register(struct blocking_notifier_head *nh,
		struct notifier_block *n)
{
	n->next = nh->head;
	nh->head = n;
	return 0;
}
EXPORT_SYMBOL_GPL(blocking_notifier_chain_register);

int ng_register_notifier(struct notifier_block *nb)
{
	ng_last_nb = nb;
	return blocking_notifier_chain_register(&ng_chain, nb);
}
EXPORT_SYMBOL(ng_register_notifier);

/* Handed to a safe interface (free_irq() waits for a running handler) and
 * kept for bookkeeping too; the cookie is no callback. */
static irq_handler_t ng_handler;

int ng_setup_irq(irq_handler_t handler, void *cookie)
{
	ng_handler = handler;
	return request_irq(1, handler, 0, "ng", cookie);
}
EXPORT_SYMBOL(ng_setup_irq);

/* Only called, or only copied into a local. */
int ng_call_all(struct ng_plain_ops *ops)
{
	return ops->probe(0);
}
EXPORT_SYMBOL(ng_call_all);

int ng_copy_local(struct ng_plain_ops *ops)
{
	struct ng_plain_ops copy = *ops;
	struct ng_plain_ops *p = ops;
	int (*probe)(int) = p->probe;

	return copy.probe(1) + probe(2);
}
EXPORT_SYMBOL(ng_copy_local);

/* Stored into the caller's own object. */
void ng_init_obj(struct ng_obj *obj, void (*fn)(struct ng_obj *, int))
{
	INIT_LIST_HEAD(&obj->list);
	obj->fn = fn;
}
EXPORT_SYMBOL(ng_init_obj);

void ng_self_link(struct ng_plain_ops *ops)
{
	INIT_LIST_HEAD(&ops->list);
	ops->list.next = &ops->list;
}
EXPORT_SYMBOL(ng_self_link);

/* A deferred-execution object, and a reference-counted one. */
static struct list_head ng_timers = LIST_HEAD_INIT(ng_timers);
struct ng_timer_slot {
	struct timer_list *timer;
};
static struct ng_timer_slot ng_slot;

void ng_arm(struct timer_list *timer)
{
	ng_slot.timer = timer;
}
EXPORT_SYMBOL(ng_arm);

void ng_publish_counted(struct ng_counted *c)
{
	list_add(&c->list, &ng_timers);
}
EXPORT_SYMBOL(ng_publish_counted);

/* Static, not exported: not an interface. */
static int ng_local_register(struct ng_plain_ops *ops)
{
	list_add(&ops->list, &ng_list);
	return 0;
}

int ng_use_local(void)
{
	static struct ng_plain_ops mine;

	return ng_local_register(&mine);
}

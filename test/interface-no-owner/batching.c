// What the interface keeps may be pinned by something else than an owner of
// its own (Rusty's batching), and the knowledge base may say so:
//  - bt_register_handler() stores the callback into a structure it
//    allocates, whose notifier_block it then registers on a notifier chain,
//    whose unregistration waits (not reported); bt_track_handler() allocates
//    the same structure but only links it into a list of its own (reported);
//  - bt_attach() keeps the callback in memory managed by the caller's device
//    (devm_kzalloc): it lives no longer than the caller's driver is bound;
//  - bt_add_port() stores the port into the caller's driver state;
//  - bt_schedule() queues a bt_ctx, an object bt_register_ctx() registers:
//    with a rules file saying that registration is safe it is not reported
//    (RULES); without, it is.
// RUN: %clang -fsyntax-only %kinc -I %S/Inputs -fplugin=%modsafe_plugin %s 2>&1 | FileCheck %s '--implicit-check-not=[modsafe-'
// RUN: %clang -fsyntax-only %kinc -I %S/Inputs -fplugin=%modsafe_plugin -fplugin-arg-modsafe-rules=%S/Inputs/bt-rules.json %s 2>&1 | FileCheck %s --check-prefix=RULES '--implicit-check-not=[modsafe-'
#include <linux/module.h>
#include <linux/device.h>
#include <linux/list.h>
#include <linux/notifier.h>
#include <linux/slab.h>
#include "hooks.h"

static struct blocking_notifier_head bt_chain;
static LIST_HEAD(bt_handlers);

static int bt_notify(struct notifier_block *nb, unsigned long action, void *data)
{
	struct bt_handler *h = container_of(nb, struct bt_handler, nb);

	h->fn((int)action);
	return NOTIFY_OK;
}

int bt_register_handler(void (*fn)(int))
{
	struct bt_handler *h = kzalloc(sizeof(*h), GFP_KERNEL);

	if (!h)
		return -ENOMEM;
	h->fn = fn;
	h->nb.notifier_call = bt_notify;
	list_add(&h->list, &bt_handlers);
	return blocking_notifier_chain_register(&bt_chain, &h->nb);
}

// RULES: batching.c:[[@LINE+2]]:5: warning: 'bt_track_handler' {{.*}} [modsafe-interface-no-owner]
// CHECK: batching.c:[[@LINE+1]]:5: warning: 'bt_track_handler' stores the caller's callback ('fn', a function pointer) {{.*}} [modsafe-interface-no-owner]
int bt_track_handler(void (*fn)(int))
{
	struct bt_handler *h = kzalloc(sizeof(*h), GFP_KERNEL);

	if (!h)
		return -ENOMEM;
	// CHECK: batching.c:[[@LINE+1]]:8: note: stored in field 'fn' of struct bt_handler here
	h->fn = fn;
	list_add(&h->list, &bt_handlers);
	return 0;
}
// CHECK: note: take the caller's 'struct module *'

int bt_attach(struct device *dev, void (*fn)(int))
{
	struct bt_handler *h = devm_kzalloc(dev, sizeof(*h), GFP_KERNEL);

	if (!h)
		return -ENOMEM;
	h->fn = fn;
	return 0;
}

int bt_add_port(struct bt_driver *drv, struct bt_port *port)
{
	struct bt_state *state = drv->state + port->line;

	state->port = port;
	return 0;
}

static LIST_HEAD(bt_ready);

// CHECK: batching.c:[[@LINE+1]]:6: warning: 'bt_schedule' stores the caller's callbacks ('ctx', struct bt_ctx) {{.*}} [modsafe-interface-no-owner]
void bt_schedule(struct bt_ctx *ctx)
{
	// CHECK: batching.c:[[@LINE+1]]:16: note: linked in by 'list_add_tail' here
	list_add_tail(&ctx->list, &bt_ready);
}
// CHECK: note: add 'struct module *owner' to struct bt_ctx

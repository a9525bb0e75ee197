/* A subsystem's header: the interfaces the tests of this directory define. */
#ifndef HOOKS_H
#define HOOKS_H

#include <linux/list.h>
#include <linux/notifier.h>
#include <linux/timer.h>
#include <linux/kref.h>
#include <linux/interrupt.h>

struct module;

/* global-hook.c */
void ghk_set_hook(int (*hook)(int));
int ghk_run(int (*fn)(int), int x);
int ghk_local(int (*fn)(int));

/* rcu-publish.c */
struct rp_ops {
	int (*handle)(void *data);
	void *data;
	struct list_head list;
	struct hlist_node node;
};
int rp_publish(const struct rp_ops *ops);
int rp_add(struct rp_ops *ops);
int rp_hash(struct rp_ops *ops, unsigned int key);

/* negatives.c */
struct ng_owned_ops {
	struct module *owner;
	int (*probe)(int);
	struct list_head list;
};
int ng_register_owned(struct ng_owned_ops *ops);

int ng_register_hook(void (*fn)(void), struct module *owner);

struct ng_methods {
	struct module *owner;
	int (*open)(int);
	int (*release)(int);
};
struct ng_device {
	const char *name;
	const struct ng_methods *methods;
	struct list_head list;
};
int ng_add_device(struct ng_device *dev);

struct ng_plain_ops {
	int (*probe)(int);
	struct list_head list;
};
int ng_register_notifier(struct notifier_block *nb);
int ng_call_all(struct ng_plain_ops *ops);
int ng_copy_local(struct ng_plain_ops *ops);

struct ng_obj {
	void (*fn)(struct ng_obj *obj, int arg);
	struct list_head list;
};
void ng_init_obj(struct ng_obj *obj, void (*fn)(struct ng_obj *, int));
void ng_arm(struct timer_list *timer);

struct ng_counted {
	struct kref ref;
	void (*release)(struct ng_counted *c, int why);
	struct list_head list;
};
void ng_publish_counted(struct ng_counted *c);
void ng_self_link(struct ng_plain_ops *ops);
int ng_setup_irq(irq_handler_t handler, void *cookie);

/* user-rules.c */
struct usr_ops {
	int (*run)(int);
	struct list_head list;
};
struct usr_sync_ops {
	int (*run)(int);
	struct list_head list;
};
int usr_register(struct usr_sync_ops *ops);
int usr_unsafe_register(struct usr_ops *ops);
int usr_wrap(struct usr_ops *ops);
struct usr_table;
int usr_table_insert(struct usr_table *t, void *entry);
int usr_insert(struct usr_ops *ops);

/* batching.c */
struct device;
struct bt_handler {
	void (*fn)(int);
	struct notifier_block nb;
	struct list_head list;
};
int bt_register_handler(void (*fn)(int));
int bt_track_handler(void (*fn)(int));
int bt_attach(struct device *dev, void (*fn)(int));

struct bt_port {
	int (*tx)(struct bt_port *port, int c);
	int line;
};
struct bt_state {
	struct bt_port *port;
};
struct bt_driver {
	struct module *owner;
	struct bt_state *state;
};
int bt_add_port(struct bt_driver *drv, struct bt_port *port);

struct bt_ctx {
	int (*poll)(struct bt_ctx *ctx, int budget);
	struct list_head list;
};
int bt_register_ctx(struct bt_ctx *ctx);
void bt_schedule(struct bt_ctx *ctx);

#endif

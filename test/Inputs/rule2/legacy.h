/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A made-up subsystem interface for the Rule #2 tests (unsafe-unload,
 * init-fail-after-unsafe): shaped like the kernel's own interfaces but not a
 * copy of any. It lives outside the test modules' directory, so modsafe sees
 * it as a kernel header. Nothing here is in the knowledge base: what is
 * unsafe is inferred from these declarations.
 */
#ifndef _LEGACY_H
#define _LEGACY_H

struct module;

/* Callbacks with no owner. */
struct legacy_ops {
	int (*probe)(void *data);
	void (*event)(int what);
};

/* Callbacks with an owner: Rule #1 interfaces, not Rule #2's business. */
struct owned_ops {
	struct module *owner;
	void (*event)(int what);
};

/* No unregister anywhere: once registered, kept for good. */
extern int legacy_register_ops(struct legacy_ops *ops);
extern int register_legacy_event(void (*fn)(int what));
extern struct legacy_ops *legacy_register_handle(struct legacy_ops *ops);

/* A counterpart exists: not known to be unsafe. */
extern int legacy2_register_ops(struct legacy_ops *ops);
extern void legacy2_unregister_ops(struct legacy_ops *ops);

/* "register" as a noun: a hardware register, written through a structure
 * that holds callbacks (rtsx_pci_write_register()). Not a registration. */
extern int legacy_write_register(struct legacy_ops *ops, unsigned int addr, unsigned int val);
extern int legacy_dump_registers(struct legacy_ops *ops);
extern int legacy_write_phy_register(struct legacy_ops *ops, unsigned int addr, unsigned int val);

/* The owner is in reach. */
extern int owned_register_ops(struct owned_ops *ops);
extern int legacy_register_ops_owner(struct legacy_ops *ops, struct module *owner);

/* Hook variables the subsystem calls with no owner. */
/* Callbacks kept on a handle the subsystem owns and does not show. */
struct legacy_handle;
extern struct legacy_handle handle_of_legacy;
extern int legacy_register_on(struct legacy_handle *h, void (*fn)(int what));

extern void (*legacy_hook)(int what);
extern void (*legacy_rcu_hook)(int what);

struct legacy_platform {
	void (*shutdown)(void);
	int flags;
};
extern struct legacy_platform legacy_platform;

#endif

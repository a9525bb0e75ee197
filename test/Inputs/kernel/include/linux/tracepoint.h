/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * modsafe test stub -- mirrors include/linux/tracepoint.h (Linux 6.1;
 * subset): tracepoint_probe_register()/tracepoint_probe_unregister()
 * (extern, kernel/tracepoint.c), tracepoint_synchronize_unregister() as the
 * static inline of CONFIG_TRACEPOINTS (synchronize_srcu(&tracepoint_srcu)
 * then synchronize_rcu()), and the register_trace_<name>() /
 * unregister_trace_<name>() static inlines __DECLARE_TRACE() generates.
 * The trace_<name>() call site itself and the static-call plumbing are left
 * out.
 */
#ifndef _LINUX_TRACEPOINT_H
#define _LINUX_TRACEPOINT_H

#include <linux/types.h>
#include <linux/rcupdate.h>
#include <linux/srcu.h>

struct tracepoint_func {
	void *func;
	void *data;
	int prio;
};

struct tracepoint {
	const char *name;
	int (*regfunc)(void);
	void (*unregfunc)(void);
	struct tracepoint_func __rcu *funcs;
};

extern struct srcu_struct tracepoint_srcu;

extern int
tracepoint_probe_register(struct tracepoint *tp, void *probe, void *data);
extern int
tracepoint_probe_unregister(struct tracepoint *tp, void *probe, void *data);

/*
 * tracepoint_synchronize_unregister must be called between the last tracepoint
 * probe unregistration and the end of module exit to make sure there is no
 * caller executing a probe when it is freed.
 */
static inline void tracepoint_synchronize_unregister(void)
{
	synchronize_srcu(&tracepoint_srcu);
	synchronize_rcu();
}

#define PARAMS(args...) args

#define __DECLARE_TRACE(name, proto, args, cond, data_proto)		\
	extern struct tracepoint __tracepoint_##name;			\
	static inline int						\
	register_trace_##name(void (*probe)(data_proto), void *data)	\
	{								\
		return tracepoint_probe_register(&__tracepoint_##name,	\
						(void *)probe, data);	\
	}								\
	static inline int						\
	unregister_trace_##name(void (*probe)(data_proto), void *data)	\
	{								\
		return tracepoint_probe_unregister(&__tracepoint_##name,\
						(void *)probe, data);	\
	}

#define DECLARE_TRACE(name, proto, args)				\
	__DECLARE_TRACE(name, PARAMS(proto), PARAMS(args),		\
			1, PARAMS(void *__data, proto))

#endif

/* SPDX-License-Identifier: GPL-2.0 */
/*
 * modsafe runtime shim: workqueues, run by worker threads of the runtime in
 * process context. A delayed work is a timer that queues the work, as in the
 * kernel.
 */
#ifndef _LINUX_WORKQUEUE_H
#define _LINUX_WORKQUEUE_H
#include <linux/types.h>
#include <linux/timer.h>
#include <linux/atomic.h>
#include <linux/list.h>

enum {
	WQ_UNBOUND = 1 << 1,
	WQ_FREEZABLE = 1 << 2,
	WQ_MEM_RECLAIM = 1 << 3,
	WQ_HIGHPRI = 1 << 4,
	WQ_CPU_INTENSIVE = 1 << 5,
	WQ_SYSFS = 1 << 6,
	WQ_POWER_EFFICIENT = 1 << 7,
	__WQ_ORDERED = 1 << 17,
	WQ_MAX_ACTIVE = 512,
	WQ_DFL_ACTIVE = WQ_MAX_ACTIVE / 2,
};

#define WORK_DATA_INIT() ATOMIC_LONG_INIT(0)
#define __WORK_INITIALIZER(n, f) { .data = WORK_DATA_INIT(), .entry = { &(n).entry, &(n).entry }, .func = (f) }
#define __DELAYED_WORK_INITIALIZER(n, f, tflags) { .work = __WORK_INITIALIZER((n).work, (f)), \
	.timer = __TIMER_INITIALIZER(delayed_work_timer_fn, (tflags)) }
#define DECLARE_WORK(n, f) struct work_struct n = __WORK_INITIALIZER(n, f)
#define DECLARE_DELAYED_WORK(n, f) struct delayed_work n = __DELAYED_WORK_INITIALIZER(n, f, 0)
#define DECLARE_DEFERRABLE_WORK(n, f) struct delayed_work n = __DELAYED_WORK_INITIALIZER(n, f, TIMER_DEFERRABLE)

#define INIT_WORK(_work, _func) __ms_init_work((_work), (_func))
#define INIT_WORK_ONSTACK(_work, _func) __ms_init_work((_work), (_func))
#define INIT_DELAYED_WORK(_work, _func) __ms_init_delayed_work((_work), (_func))
#define INIT_DEFERRABLE_WORK(_work, _func) __ms_init_delayed_work((_work), (_func))
#define PREPARE_WORK(_work, _func) do { (_work)->func = (_func); } while (0)
__ms_inline void destroy_work_on_stack(struct work_struct *work) { }
__ms_inline void destroy_delayed_work_on_stack(struct delayed_work *work) { }
__ms_inline struct delayed_work *to_delayed_work(struct work_struct *work)
{ return container_of(work, struct delayed_work, work); }
#define work_pending(work) __ms_work_pending(work)
#define delayed_work_pending(w) work_pending(&(w)->work)

#define alloc_ordered_workqueue(fmt, flags, args...) \
	alloc_workqueue(fmt, WQ_UNBOUND | __WQ_ORDERED | (flags), 1, ##args)
#define create_workqueue(name) alloc_workqueue("%s", WQ_MEM_RECLAIM, 1, (name))
#define create_freezable_workqueue(name) alloc_workqueue("%s", WQ_FREEZABLE | WQ_UNBOUND | WQ_MEM_RECLAIM, 1, (name))
#define create_singlethread_workqueue(name) alloc_ordered_workqueue("%s", WQ_MEM_RECLAIM, name)

#define WORK_CPU_UNBOUND (-1)
__ms_inline bool queue_work(struct workqueue_struct *wq, struct work_struct *work)
{ return queue_work_on(WORK_CPU_UNBOUND, wq, work); }
__ms_inline bool queue_delayed_work(struct workqueue_struct *wq, struct delayed_work *dwork, unsigned long delay)
{ return queue_delayed_work_on(WORK_CPU_UNBOUND, wq, dwork, delay); }
__ms_inline bool mod_delayed_work(struct workqueue_struct *wq, struct delayed_work *dwork, unsigned long delay)
{ return mod_delayed_work_on(WORK_CPU_UNBOUND, wq, dwork, delay); }
__ms_inline bool schedule_work(struct work_struct *work) { return queue_work(system_wq, work); }
__ms_inline bool schedule_work_on(int cpu, struct work_struct *work) { return queue_work_on(cpu, system_wq, work); }
__ms_inline bool schedule_delayed_work(struct delayed_work *dwork, unsigned long delay)
{ return queue_delayed_work(system_wq, dwork, delay); }
__ms_inline bool schedule_delayed_work_on(int cpu, struct delayed_work *dwork, unsigned long delay)
{ return queue_delayed_work_on(cpu, system_wq, dwork, delay); }
#define flush_scheduled_work() flush_workqueue(system_wq)
#endif

/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_KTHREAD_H
#define _LINUX_KTHREAD_H
#include <linux/err.h>
#include <linux/sched.h>
#define NUMA_NO_NODE (-1)
#define kthread_create(threadfn, data, namefmt, arg...) \
	kthread_create_on_node(threadfn, data, NUMA_NO_NODE, namefmt, ##arg)
#define kthread_run(threadfn, data, namefmt, ...) ({				\
	struct task_struct *__k = kthread_create(threadfn, data, namefmt, ##__VA_ARGS__); \
	if (!IS_ERR(__k))							\
		wake_up_process(__k);						\
	__k; })
#define kthread_bind(k, cpu) do { (void)(k); } while (0)
#define kthread_should_park() false
#define kthread_parkme() do { } while (0)
#define set_freezable() do { } while (0)
#define try_to_freeze() false
#define freezing(p) false
#endif

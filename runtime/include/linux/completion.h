/* SPDX-License-Identifier: GPL-2.0 */
#ifndef __LINUX_COMPLETION_H
#define __LINUX_COMPLETION_H
#include <linux/types.h>
#include <linux/wait.h>
#define COMPLETION_INITIALIZER(work) { 0, __WAIT_QUEUE_HEAD_INITIALIZER((work).wait) }
#define DECLARE_COMPLETION(work) struct completion work = COMPLETION_INITIALIZER(work)
#define DECLARE_COMPLETION_ONSTACK(work) struct completion work = COMPLETION_INITIALIZER(work)
#define init_completion(x) __ms_init_completion(x)
#define reinit_completion(x) do { __atomic_store_n(&(x)->done, 0, __ATOMIC_SEQ_CST); } while (0)
#endif

/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_SCHED_H
#define _LINUX_SCHED_H
#include <linux/types.h>
#include <linux/kernel.h>
#include <linux/jiffies.h>
#include <linux/preempt.h>
#include <linux/atomic.h>
#define TASK_RUNNING 0x0000
#define TASK_INTERRUPTIBLE 0x0001
#define TASK_UNINTERRUPTIBLE 0x0002
#define TASK_KILLABLE TASK_UNINTERRUPTIBLE
#define TASK_IDLE TASK_UNINTERRUPTIBLE
#define TASK_NORMAL (TASK_INTERRUPTIBLE | TASK_UNINTERRUPTIBLE)
#define TASK_COMM_LEN 16
#define MAX_SCHEDULE_TIMEOUT LONG_MAX
#define PF_KTHREAD 0x00200000
#define current (__ms_get_current())
#define get_current() (__ms_get_current())
#define __set_current_state(state_value) __atomic_store_n(&current->__state, (long)(state_value), __ATOMIC_RELAXED)
#define set_current_state(state_value) __atomic_store_n(&current->__state, (long)(state_value), __ATOMIC_SEQ_CST)
#define task_pid_nr(tsk) ((tsk)->pid)
#define task_pid_vnr(tsk) ((tsk)->pid)
#define signal_pending(p) __ms_signal_pending(p)
#define fatal_signal_pending(p) __ms_signal_pending(p)
#define need_resched() 0
#define yield() __ms_cond_resched()
#define set_user_nice(p, nice) do { (void)(p); } while (0)
#define sched_set_fifo(p) do { (void)(p); } while (0)
#define sched_set_fifo_low(p) do { (void)(p); } while (0)
#define get_task_comm(buf, tsk) strscpy((buf), (tsk)->comm, sizeof(buf))
#define io_schedule() schedule()
int wake_up_process(struct task_struct *p);
#endif

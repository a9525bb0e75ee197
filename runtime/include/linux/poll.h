/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_POLL_H
#define _LINUX_POLL_H
#include <linux/types.h>
#include <linux/wait.h>
#include <linux/fs.h>
typedef struct poll_table_struct { unsigned long _key; } poll_table;
__ms_inline void poll_wait(struct file *filp, wait_queue_head_t *wait_address, poll_table *p) { }
#define EPOLLIN ((__poll_t)0x00000001)
#define EPOLLPRI ((__poll_t)0x00000002)
#define EPOLLOUT ((__poll_t)0x00000004)
#define EPOLLERR ((__poll_t)0x00000008)
#define EPOLLHUP ((__poll_t)0x00000010)
#define EPOLLRDNORM ((__poll_t)0x00000040)
#define EPOLLWRNORM ((__poll_t)0x00000100)
#define POLLIN EPOLLIN
#define POLLOUT EPOLLOUT
#define POLLRDNORM EPOLLRDNORM
#define POLLWRNORM EPOLLWRNORM
#endif

/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_SCHED_SIGNAL_H
#define _LINUX_SCHED_SIGNAL_H
#include <linux/sched.h>
#define allow_signal(sig) do { } while (0)
#define disallow_signal(sig) do { } while (0)
#define flush_signals(t) do { } while (0)
#define SIGKILL 9
#define SIGTERM 15
#endif

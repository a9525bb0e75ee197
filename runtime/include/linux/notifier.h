/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_NOTIFIER_H
#define _LINUX_NOTIFIER_H
#include <linux/types.h>
#include <linux/errno.h>
#include <linux/mutex.h>
#include <linux/rwsem.h>
#define NOTIFY_DONE 0x0000
#define NOTIFY_OK 0x0001
#define NOTIFY_STOP_MASK 0x8000
#define NOTIFY_BAD (NOTIFY_STOP_MASK | 0x0002)
#define NOTIFY_STOP (NOTIFY_OK | NOTIFY_STOP_MASK)
#define ATOMIC_NOTIFIER_INIT(name) { .head = NULL, .ms_kind = 0 }
#define BLOCKING_NOTIFIER_INIT(name) { .head = NULL, .ms_kind = 1 }
#define RAW_NOTIFIER_INIT(name) { .head = NULL, .ms_kind = 2 }
#define ATOMIC_NOTIFIER_HEAD(name) struct atomic_notifier_head name = ATOMIC_NOTIFIER_INIT(name)
#define BLOCKING_NOTIFIER_HEAD(name) struct blocking_notifier_head name = BLOCKING_NOTIFIER_INIT(name)
#define RAW_NOTIFIER_HEAD(name) struct raw_notifier_head name = RAW_NOTIFIER_INIT(name)
#define ATOMIC_INIT_NOTIFIER_HEAD(name) do { (name)->head = NULL; (name)->ms_kind = 0; } while (0)
#define BLOCKING_INIT_NOTIFIER_HEAD(name) do { (name)->head = NULL; (name)->ms_kind = 1; } while (0)
#define RAW_INIT_NOTIFIER_HEAD(name) do { (name)->head = NULL; (name)->ms_kind = 2; } while (0)
__ms_inline int notifier_from_errno(int err) { return err ? (NOTIFY_STOP_MASK | (NOTIFY_OK - err)) : NOTIFY_OK; }
__ms_inline int notifier_to_errno(int ret) { ret &= ~NOTIFY_STOP_MASK; return ret > NOTIFY_OK ? NOTIFY_OK - ret : 0; }
#define SYS_DOWN 0x0001
#define SYS_RESTART SYS_DOWN
#define SYS_HALT 0x0002
#define SYS_POWER_OFF 0x0003
#endif

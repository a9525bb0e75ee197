/* SPDX-License-Identifier: GPL-2.0 */
/*
 * modsafe test stub -- mirrors include/linux/types.h and
 * include/uapi/asm-generic/int-ll64.h (Linux 6.1, x86_64).
 */
#ifndef _LINUX_TYPES_H
#define _LINUX_TYPES_H

/* kbuild force-includes compiler_types.h; the stubs pull it in here. */
#include <linux/compiler_types.h>

typedef __signed__ char __s8;
typedef unsigned char __u8;
typedef __signed__ short __s16;
typedef unsigned short __u16;
typedef __signed__ int __s32;
typedef unsigned int __u32;
__extension__ typedef __signed__ long long __s64;
__extension__ typedef unsigned long long __u64;

typedef __s8  s8;
typedef __u8  u8;
typedef __s16 s16;
typedef __u16 u16;
typedef __s32 s32;
typedef __u32 u32;
typedef __s64 s64;
typedef __u64 u64;

#define __bitwise

typedef u32			__kernel_dev_t;
typedef __kernel_dev_t		dev_t;
typedef unsigned long		ino_t;
typedef unsigned int		mode_t;
typedef unsigned short		umode_t;
typedef u32			nlink_t;
typedef long			off_t;
typedef int			pid_t;
typedef int			clockid_t;

typedef _Bool			bool;

typedef unsigned int		uid_t;
typedef unsigned int		gid_t;
typedef unsigned long		uintptr_t;

typedef long long		loff_t;

#ifndef _SIZE_T
#define _SIZE_T
typedef unsigned long		size_t;
#endif
#ifndef _SSIZE_T
#define _SSIZE_T
typedef long			ssize_t;
#endif
typedef long			ptrdiff_t;

typedef u8			uint8_t;
typedef u16			uint16_t;
typedef u32			uint32_t;
typedef u64			uint64_t;
typedef s8			int8_t;
typedef s16			int16_t;
typedef s32			int32_t;
typedef s64			int64_t;

typedef __u16 __bitwise __le16;
typedef __u16 __bitwise __be16;
typedef __u32 __bitwise __le32;
typedef __u32 __bitwise __be32;

typedef u64 sector_t;
typedef u64 blkcnt_t;
typedef u64 dma_addr_t;

typedef unsigned int __bitwise gfp_t;
typedef unsigned int __bitwise slab_flags_t;
typedef unsigned int __bitwise fmode_t;

typedef u64 phys_addr_t;
typedef phys_addr_t resource_size_t;

typedef unsigned int __poll_t;

typedef struct {
	int counter;
} atomic_t;

#define ATOMIC_INIT(i) { (i) }

typedef struct {
	s64 counter;
} atomic64_t;

/* asm-generic/atomic-long.h (64-bit) */
typedef atomic64_t atomic_long_t;
#define ATOMIC_LONG_INIT(i)		ATOMIC64_INIT(i)
#define ATOMIC64_INIT(i)		{ (i) }

struct list_head {
	struct list_head *next, *prev;
};

struct hlist_head {
	struct hlist_node *first;
};

struct hlist_node {
	struct hlist_node *next, **pprev;
};

/**
 * struct callback_head - callback structure for use with RCU and task_work
 */
struct callback_head {
	struct callback_head *next;
	void (*func)(struct callback_head *head);
} __attribute__((aligned(sizeof(void *))));
#define rcu_head callback_head

typedef void (*rcu_callback_t)(struct rcu_head *head);
typedef void (*call_rcu_func_t)(struct rcu_head *head, rcu_callback_t func);

#endif /* _LINUX_TYPES_H */

/* SPDX-License-Identifier: GPL-2.0 */
/* modsafe runtime shim: kernel types (userspace model of include/linux/types.h). */
#ifndef _LINUX_TYPES_H
#define _LINUX_TYPES_H
#include <modsafe/kabi.h>

typedef unsigned char u8;
typedef signed char s8;
typedef unsigned short u16;
typedef signed short s16;
typedef unsigned int u32;
typedef signed int s32;
typedef unsigned long long u64;
typedef signed long long s64;
typedef u8 __u8;
typedef s8 __s8;
typedef u16 __u16;
typedef s16 __s16;
typedef u32 __u32;
typedef s32 __s32;
typedef u64 __u64;
typedef s64 __s64;
typedef u16 __le16;
typedef u16 __be16;
typedef u32 __le32;
typedef u32 __be32;
typedef u64 __le64;
typedef u64 __be64;

typedef _Bool bool;
typedef __ms_size_t size_t;
typedef __ms_ssize_t ssize_t;
typedef __ms_loff_t loff_t;
typedef __ms_gfp_t gfp_t;
typedef __ms_dev_t dev_t;
typedef __ms_umode_t umode_t;
typedef __ms_poll_t __poll_t;
typedef long off_t;
typedef int pid_t;
typedef unsigned int uid_t;
typedef unsigned int gid_t;
typedef unsigned int fmode_t;
typedef unsigned long uintptr_t;
typedef long intptr_t;
typedef long ptrdiff_t;
typedef unsigned char u_char;
typedef unsigned short u_short;
typedef unsigned int u_int;
typedef unsigned long u_long;
typedef unsigned char unchar;
typedef unsigned short ushort;
typedef unsigned int uint;
typedef unsigned long ulong;
typedef u64 phys_addr_t;
typedef u64 dma_addr_t;
typedef phys_addr_t resource_size_t;
typedef u64 sector_t;
typedef u64 blkcnt_t;
typedef long long time64_t;
typedef long clock_t;
typedef u8 uint8_t;
typedef u16 uint16_t;
typedef u32 uint32_t;
typedef u64 uint64_t;
typedef s8 int8_t;
typedef s16 int16_t;
typedef s32 int32_t;
typedef s64 int64_t;

#include <linux/stddef.h>
#endif

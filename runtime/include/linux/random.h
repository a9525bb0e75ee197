/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_RANDOM_H
#define _LINUX_RANDOM_H
#include <linux/types.h>
u32 get_random_u32(void);
__ms_inline void get_random_bytes(void *buf, size_t len)
{ u8 *p = (u8 *)buf; while (len--) *p++ = (u8)get_random_u32(); }
#define prandom_u32() get_random_u32()
#endif

/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_KSTRTOX_H
#define _LINUX_KSTRTOX_H
#include <linux/types.h>
__ms_inline int kstrtou32(const char *s, unsigned int base, u32 *res) { return kstrtouint(s, base, res); }
__ms_inline int kstrtos32(const char *s, unsigned int base, s32 *res) { return kstrtoint(s, base, res); }
#endif

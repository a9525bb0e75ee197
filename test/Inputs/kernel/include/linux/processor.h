/* SPDX-License-Identifier: GPL-2.0 */
/*
 * modsafe test stub -- linux/processor.h with the x86 asm/vdso/processor.h
 * cpu_relax() (Linux 6.1): a "rep; nop" busy-wait hint, no call.
 */
#ifndef _LINUX_PROCESSOR_H
#define _LINUX_PROCESSOR_H

#include <linux/compiler.h>

/* REP NOP (PAUSE) is a good thing to insert into busy-wait loops. */
static __always_inline void rep_nop(void)
{
	asm volatile("rep; nop" ::: "memory");
}

static __always_inline void cpu_relax(void)
{
	rep_nop();
}

#endif /* _LINUX_PROCESSOR_H */

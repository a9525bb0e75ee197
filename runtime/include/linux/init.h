/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_INIT_H
#define _LINUX_INIT_H
#include <linux/compiler.h>
#include <linux/types.h>
/* Sections are not separated in the shim: init code stays mapped. */
#define __init
#define __exit
#define __initdata
#define __exitdata
#define __initconst
#define __exit_call
#define __init_or_module
#define __meminit
#define __devinit
#define __devexit
#define __exit_p(x) x
#define __devexit_p(x) x
typedef int (*initcall_t)(void);
typedef void (*exitcall_t)(void);
#endif

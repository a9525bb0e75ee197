// SPDX-License-Identifier: GPL-2.0
/* Uses exporter.c's symbol: exporter cannot be unloaded first. */
#include <linux/module.h>

int exporter_twice(int x);

static int __init im_init(void) { return exporter_twice(21) == 42 ? 0 : -EINVAL; }
static void __exit im_exit(void) { }
module_init(im_init);
module_exit(im_exit);
MODULE_LICENSE("GPL");

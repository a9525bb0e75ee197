// SPDX-License-Identifier: GPL-2.0
/* A module that exports a function (used by importer.c). */
#include <linux/module.h>

int exporter_twice(int x)
{
	return 2 * x;
}
EXPORT_SYMBOL_GPL(exporter_twice);

static int __init ex_init(void) { return 0; }
static void __exit ex_exit(void) { }
module_init(ex_init);
module_exit(ex_exit);
MODULE_LICENSE("GPL");

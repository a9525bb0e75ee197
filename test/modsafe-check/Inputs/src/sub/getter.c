/* An ignored try_module_get() result: one unchecked-get finding. */
#include <linux/module.h>

void getter_use(struct module *m)
{
	try_module_get(m);
	module_put(m);
}
MODULE_LICENSE("GPL");

/* Does not compile. */
#include <linux/module.h>

static int broken_init(void)
{
	return no_such_thing;
}
module_init(broken_init);

/* Module alpha: registers the shared header's miscdevice, nothing else. */
#include <linux/module.h>
#include "shared-ops.h"

module_misc_device(shared_misc);

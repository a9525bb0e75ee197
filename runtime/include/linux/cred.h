#include <linux/capability.h>

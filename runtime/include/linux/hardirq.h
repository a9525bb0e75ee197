#include <linux/preempt.h>

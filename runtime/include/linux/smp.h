#include <linux/kernel.h>
#include <linux/preempt.h>

#include <linux/ktime.h>
#include <linux/timer.h>

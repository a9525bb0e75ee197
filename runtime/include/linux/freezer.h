#include <linux/kthread.h>

// SPDX-License-Identifier: GPL-2.0
/* An interrupt handler the exit does not free. */
#include <linux/module.h>
#include <linux/interrupt.h>

static int dev;
static unsigned long count;
static irqreturn_t handler(int irq, void *d)
{
	count++;
	return IRQ_HANDLED;
}

static int __init demo_init(void)
{
	return request_irq(5, handler, 0, "demo", &dev);
}

static void __exit demo_exit(void)
{
	pr_info("irq_left: %lu interrupts\n", count);
}

module_init(demo_init);
module_exit(demo_exit);
MODULE_LICENSE("GPL");

// The second file of module 'demo': what demo_main.c calls.
#include <linux/module.h>
#include <linux/delay.h>
#include <linux/mutex.h>
#include <linux/pm.h>
#include <linux/workqueue.h>
#include "demo.h"

static DEFINE_MUTEX(demo_mutex);
static int demo_reg;
extern struct work_struct demo_work;

void demo_hw_wait(void)
{
	msleep(10);
}

void demo_hw_poke(void)
{
	demo_reg++;
}

/* Called with the caller's lock held: lets go of it, sleeps, takes it
 * back (drbd's _conn_request_state()). */
void demo_hw_relock_wait(spinlock_t *lock)
{
	spin_unlock(lock);
	msleep(1);
	spin_lock(lock);
}

void demo_hw_stop(void)
{
	cancel_work_sync(&demo_work);
}

irqreturn_t demo_irq_handler(int irq, void *dev)
{
#ifndef FIXED
	mutex_lock(&demo_mutex);	/* a hard-irq handler: reported */
	demo_reg++;
	mutex_unlock(&demo_mutex);
#endif
	return IRQ_HANDLED;
}

#ifndef FIXED
static void demo_poweroff(void)
{
	demo_reg = 0;
}
#endif

int demo_hw_setup(void)
{
#ifndef FIXED
	pm_power_off = demo_poweroff;	/* unsafe; exit is in demo_main.c */
#endif
	return 0;
}

/* The module's own header: what its files call of each other. */
#include <linux/interrupt.h>
#include <linux/spinlock.h>

void demo_hw_wait(void);
void demo_hw_poke(void);
void demo_hw_relock_wait(spinlock_t *lock);
void demo_hw_stop(void);
int demo_hw_setup(void);
irqreturn_t demo_irq_handler(int irq, void *dev);

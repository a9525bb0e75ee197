// SPDX-License-Identifier: GPL-2.0
/*
 * Interrupts: handlers registered with request_irq/request_threaded_irq are
 * run when the harness fires the line, in hard-irq context on the firing
 * thread (interrupts off, must not sleep); a threaded handler's thread
 * function then runs in process context. free_irq waits for a handler in
 * progress (synchronize_irq), as in the kernel.
 */
#include "internal.h"

#include <errno.h>

struct irq_action {
	unsigned int irq;
	irq_handler_t handler, thread_fn;
	unsigned long flags;
	char name[64];
	void *dev;
	uintptr_t pc;
	int running;
	struct irq_action *next;
};
static pthread_mutex_t irq_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t irq_done = PTHREAD_COND_INITIALIZER;
static struct irq_action *actions;
static int disabled[1024];

int request_threaded_irq(unsigned int irq, irq_handler_t handler, irq_handler_t thread_fn, unsigned long flags,
			 const char *name, void *dev)
{
	uintptr_t pc = MS_RET_PC();
	ms_check_sleep("request_irq", pc);
	if (!handler && !thread_fn)
		return -EINVAL;
	pthread_mutex_lock(&irq_lock);
	for (struct irq_action *a = actions; a; a = a->next)
		if (a->irq == irq && !((a->flags & flags) & 0x80 /* IRQF_SHARED */)) {
			pthread_mutex_unlock(&irq_lock);
			return -EBUSY;
		}
	struct irq_action *a = ms_xcalloc(1, sizeof(*a));
	a->irq = irq;
	a->handler = handler;
	a->thread_fn = thread_fn;
	a->flags = flags;
	snprintf(a->name, sizeof(a->name), "%s", name ? name : "");
	a->dev = dev;
	a->pc = pc;
	a->next = actions;
	actions = a;
	pthread_mutex_unlock(&irq_lock);
	return 0;
}

const void *free_irq(unsigned int irq, void *dev_id)
{
	ms_check_sleep("free_irq", MS_RET_PC());
	pthread_mutex_lock(&irq_lock);
	for (struct irq_action **p = &actions; *p; p = &(*p)->next) {
		struct irq_action *a = *p;
		if (a->irq != irq || a->dev != dev_id)
			continue;
		*p = a->next;
		while (a->running)
			pthread_cond_wait(&irq_done, &irq_lock);
		pthread_mutex_unlock(&irq_lock);
		free(a);
		return NULL;
	}
	pthread_mutex_unlock(&irq_lock);
	fprintf(stderr, "modsafe-run: WARNING: Trying to free already-free IRQ %u\n", irq);
	return NULL;
}

_Bool synchronize_irq(unsigned int irq)
{
	pthread_mutex_lock(&irq_lock);
	for (;;) {
		int busy = 0;
		for (struct irq_action *a = actions; a; a = a->next)
			busy |= a->irq == irq && a->running;
		if (!busy)
			break;
		pthread_cond_wait(&irq_done, &irq_lock);
	}
	pthread_mutex_unlock(&irq_lock);
	return 1;
}

void disable_irq_nosync(unsigned int irq)
{
	if (irq < 1024)
		__atomic_add_fetch(&disabled[irq], 1, __ATOMIC_SEQ_CST);
}
void disable_irq(unsigned int irq)
{
	ms_check_sleep("disable_irq", MS_RET_PC());
	disable_irq_nosync(irq);
	synchronize_irq(irq);
}
void enable_irq(unsigned int irq)
{
	if (irq < 1024 && __atomic_load_n(&disabled[irq], __ATOMIC_SEQ_CST) > 0)
		__atomic_sub_fetch(&disabled[irq], 1, __ATOMIC_SEQ_CST);
}

struct hcall { irq_handler_t fn; unsigned int irq; void *dev; irqreturn_t ret; };
static void call_handler(void *a)
{
	struct hcall *h = a;
	h->ret = h->fn((int)h->irq, h->dev);
}

int ms_rt_fire_irq(unsigned int irq)
{
	ms_rt_ensure();
	if (irq < 1024 && __atomic_load_n(&disabled[irq], __ATOMIC_SEQ_CST))
		return 0;
	struct irq_action *run[16];
	int n = 0;
	pthread_mutex_lock(&irq_lock);
	for (struct irq_action *a = actions; a && n < 16; a = a->next)
		if (a->irq == irq) {
			a->running++;
			run[n++] = a;
		}
	pthread_mutex_unlock(&irq_lock);
	for (int i = 0; i < n; i++) {
		struct irq_action *a = run[i];
		struct hcall h = {a->handler, irq, a->dev, IRQ_WAKE_THREAD};
		if (a->handler) {
			if (ms_freed_mod_of((uintptr_t)a->handler)) {
				ms_deferred_after_free("interrupt handler", a, (uintptr_t)a->handler, a->pc, 0, 0);
				continue;
			}
			int save_cb = ms_t.cb;
			ms_t.hardirq++;
			ms_t.irqoff++;
			ms_t.cb = MS_CB_IRQ;
			ms_t.cb_obj = a;
			ms_t.cb_fn = (uintptr_t)a->handler;
			ms_t.cb_site = a->pc;
			ms_t.cb_site2 = 0;
			if (ms_guarded_call(call_handler, &h))
				ms_deferred_after_free("interrupt handler", a, (uintptr_t)a->handler, a->pc, 0, 1);
			ms_t.hardirq--;
			ms_t.irqoff--;
			ms_t.cb = save_cb;
		}
		if (h.ret == IRQ_WAKE_THREAD && a->thread_fn) {
			struct hcall t = {a->thread_fn, irq, a->dev, IRQ_NONE};
			int save_cb = ms_t.cb;
			ms_t.cb = MS_CB_IRQ_THREAD;
			ms_t.cb_obj = a;
			ms_t.cb_fn = (uintptr_t)a->thread_fn;
			ms_t.cb_site = a->pc;
			if (ms_guarded_call(call_handler, &t))
				ms_deferred_after_free("threaded interrupt handler", a, (uintptr_t)a->thread_fn, a->pc, 0, 1);
			ms_t.cb = save_cb;
		}
	}
	pthread_mutex_lock(&irq_lock);
	for (int i = 0; i < n; i++)
		run[i]->running--;
	pthread_cond_broadcast(&irq_done);
	pthread_mutex_unlock(&irq_lock);
	return n;
}

void ms_irq_scan(struct ms_mod *r, const char *check)
{
	struct irq_action hits[8];
	const void *ptrs[8];
	int nh = 0;
	pthread_mutex_lock(&irq_lock);
	for (struct irq_action *a = actions; a && nh < 8; a = a->next)
		if (ms_addr_in_text(r, (uintptr_t)a->handler) || ms_addr_in_text(r, (uintptr_t)a->thread_fn)) {
			ptrs[nh] = a;
			hits[nh++] = *a;
		}
	pthread_mutex_unlock(&irq_lock);
	for (int i = 0; i < nh; i++) {
		struct ms_finding *f = ms_f_new(check, r, hits[i].pc, 1,
			"interrupt handler '%s' for irq %u requested here is still registered when module '%s' is "
			"freed: the next interrupt runs freed code (free_irq()) (Stern, Owens)",
			hits[i].name, hits[i].irq, r->name);
		ms_f_key(f, hits[i].pc, (uintptr_t)ptrs[i]);
		ms_f_commit(f);
	}
}

void ms_irq_shutdown(void)
{
	pthread_mutex_lock(&irq_lock);
	struct irq_action *a = actions;
	actions = NULL;
	pthread_mutex_unlock(&irq_lock);
	while (a) {
		struct irq_action *n = a->next;
		free(a);
		a = n;
	}
}

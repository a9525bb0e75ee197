// missing-teardown: a library module (neither module_init nor module_exit,
// like 8250_base) can be unloaded once nothing uses it; an init without an
// exit cannot (delete_module() refuses it), and is not reported.
// RUN: %clang -fsyntax-only %kinc -DMODULE -fplugin=%modsafe_plugin -fplugin-arg-modsafe-checks=-*,missing-teardown %s 2>&1 | FileCheck %s '--implicit-check-not=[modsafe-'
// RUN: %clang -fsyntax-only %kinc -DMODULE -DWITH_INIT -fplugin=%modsafe_plugin -fplugin-arg-modsafe-checks=-*,missing-teardown %s 2>&1 | FileCheck %s --check-prefix=PINNED --allow-empty
// PINNED-NOT: modsafe-
#include <linux/module.h>
#include <linux/init.h>
#include <linux/hrtimer.h>

struct lib_port {
	struct hrtimer start_tx_timer;
	struct hrtimer stop_tx_timer;
};

static enum hrtimer_restart lib_start_tx(struct hrtimer *t)
{
	return HRTIMER_NORESTART;
}

static enum hrtimer_restart lib_stop_tx(struct hrtimer *t)
{
	return HRTIMER_NORESTART;
}

/* Exported: users call these from their own probe and remove. */
void lib_port_init(struct lib_port *p)
{
	hrtimer_init(&p->start_tx_timer, CLOCK_MONOTONIC, HRTIMER_MODE_REL);
// CHECK: library.c:[[@LINE+1]]:2: warning: hrtimer 'p->start_tx_timer' armed with 'lib_start_tx' ('.function' store) is not torn down synchronously{{.*}}[modsafe-missing-teardown]
	p->start_tx_timer.function = lib_start_tx;
	hrtimer_init(&p->stop_tx_timer, CLOCK_MONOTONIC, HRTIMER_MODE_REL);
	p->stop_tx_timer.function = lib_stop_tx;
}
EXPORT_SYMBOL_GPL(lib_port_init);

void lib_port_kick(struct lib_port *p)
{
	hrtimer_start(&p->start_tx_timer, ms_to_ktime(1), HRTIMER_MODE_REL);
	hrtimer_start(&p->stop_tx_timer, ms_to_ktime(1), HRTIMER_MODE_REL);
}
EXPORT_SYMBOL_GPL(lib_port_kick);

/* Torn down by the users' remove path: counts. */
void lib_port_destroy(struct lib_port *p)
{
	hrtimer_cancel(&p->stop_tx_timer);
}
EXPORT_SYMBOL_GPL(lib_port_destroy);

#ifdef WITH_INIT
static int __init lib_init(void)
{
	return 0;
}
module_init(lib_init);
#endif
MODULE_LICENSE("GPL");

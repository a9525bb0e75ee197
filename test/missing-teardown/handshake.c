// missing-teardown: a remove path that waits on a completion the timer
// signals when told to stop (rdc321x_wdt.c) waits only until complete() is
// called; the callback still returns through the module's code. The finding
// says so. del_timer_sync() is the teardown.
// RUN: %clang -fsyntax-only %kinc -DMODULE -fplugin=%modsafe_plugin -fplugin-arg-modsafe-checks=-*,missing-teardown %s 2>&1 | FileCheck %s '--implicit-check-not=[modsafe-'
// RUN: %clang -fsyntax-only %kinc -DMODULE -DFIXED -fplugin=%modsafe_plugin -fplugin-arg-modsafe-checks=-*,missing-teardown %s 2>&1 | FileCheck %s --check-prefix=FIXED --allow-empty
// FIXED-NOT: modsafe-
#include <linux/module.h>
#include <linux/init.h>
#include <linux/timer.h>
#include <linux/completion.h>
#include <linux/platform_device.h>

static struct {
	struct timer_list timer;
	struct completion stop;
	int queue;
} wdt;

static void wdt_trigger(struct timer_list *unused)
{
	if (wdt.queue)
		mod_timer(&wdt.timer, jiffies + HZ);
	else
		complete(&wdt.stop);
// CHECK-DAG: handshake.c:[[@LINE-1]]:3: note: 'wdt_trigger' signals the completion here
}

static int wdt_probe(struct platform_device *pdev)
{
	init_completion(&wdt.stop);
// CHECK-DAG: handshake.c:[[@LINE+1]]:2: warning: timer 'wdt.timer' armed with 'wdt_trigger' (timer_setup) is not torn down synchronously{{.*}}[modsafe-missing-teardown]
	timer_setup(&wdt.timer, wdt_trigger, 0);
	wdt.queue = 1;
	mod_timer(&wdt.timer, jiffies + HZ);
	return 0;
}

static int wdt_remove(struct platform_device *pdev)
{
	if (wdt.queue) {
		wdt.queue = 0;
		wait_for_completion(&wdt.stop);
// CHECK-DAG: handshake.c:[[@LINE-1]]:3: note: 'wait_for_completion' here returns once 'wdt_trigger' has called 'complete', while 'wdt_trigger' is still running module code; a completion does not replace the synchronous teardown
	}
#ifdef FIXED
	del_timer_sync(&wdt.timer);
#endif
	return 0;
}

static struct platform_driver wdt_driver = {
	.probe = wdt_probe,
	.remove = wdt_remove,
	.driver = { .name = "demo-wdt" },
};
module_platform_driver(wdt_driver);
MODULE_LICENSE("GPL");

// sleep-in-callback: the notes name where the callback was handed over and
// the chain; GFP_KERNEL written in the callback gets a GFP_ATOMIC fix-it,
// and so does the JSON report.
// RUN: rm -rf %t && %clang -fsyntax-only %kinc -DMODULE -fplugin=%modsafe_plugin -fplugin-arg-modsafe-checks=-*,sleep-in-callback -fplugin-arg-modsafe-report-dir=%t -fdiagnostics-parseable-fixits %s 2>&1 | FileCheck %s
// RUN: /usr/bin/python3 %srcroot/test/tools/validate-report.py %report_schema %t/*.modsafe.json
// RUN: cat %t/*.modsafe.json | FileCheck %s --check-prefix=JSON
#include <linux/module.h>
#include <linux/timer.h>
#include <linux/slab.h>

static struct timer_list t;
static void *buf;

static void refill(void)
{
	buf = kmalloc(64, GFP_KERNEL);
}

static void tick(struct timer_list *unused)
{
	// CHECK: [[@LINE+3]]:2: warning: 'refill' (through 'kmalloc') may sleep, but 'tick' is a timer callback, run in softirq context and must never sleep (Exception #1) [modsafe-sleep-in-callback]
	// CHECK: note: 'tick' is handed to 'timer_setup' here, which calls it in softirq context
	// CHECK: [[@LINE-7]]:8: note: 'refill' calls 'kmalloc' with 'GFP_KERNEL', which allows direct reclaim
	refill();
	// CHECK: [[@LINE+2]]:8: warning: 'kmalloc' with 'GFP_KERNEL' may sleep, but 'tick' is a timer callback
	// CHECK: fix-it:"{{.*}}notes-fixit.c":{[[@LINE+1]]:19-[[@LINE+1]]:29}:"GFP_ATOMIC"
	buf = kmalloc(8, GFP_KERNEL);
}

static int __init demo_init(void)
{
	timer_setup(&t, tick, 0);
	return 0;
}
module_init(demo_init);
MODULE_LICENSE("GPL");

// JSON: "check": "sleep-in-callback"
// JSON: "replacement": "GFP_ATOMIC"

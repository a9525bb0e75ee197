// missing-quiescence on RCU-published hooks: the exit sets a hook (a
// function pointer, or a pointer to an ops structure) to NULL, then frees
// what the published functions use, or the hook's old value, with no grace
// period in between. Returning without one is not reported: Linux 6.1's
// free_module() waits with synchronize_rcu() before freeing the module's
// code.
// RUN: %clang -fsyntax-only %kinc -DMODULE -DV=1 -fplugin=%modsafe_plugin -fplugin-arg-modsafe-checks=-*,missing-quiescence %s 2>&1 | FileCheck %s --check-prefix=V1 '--implicit-check-not=[modsafe-'
// RUN: %clang -fsyntax-only %kinc -DMODULE -DV=1 -fplugin=%modsafe_plugin -fplugin-arg-modsafe-checks=-*,missing-quiescence -fdiagnostics-parseable-fixits %s 2>&1 | FileCheck %s --check-prefix=FIX
// RUN: %clang -fsyntax-only %kinc -DMODULE -DV=2 -fplugin=%modsafe_plugin -fplugin-arg-modsafe-checks=-*,missing-quiescence %s 2>&1 | FileCheck %s --check-prefix=V2 '--implicit-check-not=[modsafe-'
// RUN: %clang -fsyntax-only %kinc -DMODULE -DV=3 -fplugin=%modsafe_plugin -fplugin-arg-modsafe-checks=-*,missing-quiescence %s 2>&1 | FileCheck %s --check-prefix=V3 '--implicit-check-not=[modsafe-'
// Negatives: a wait before the free (directly, through synchronize_net(),
// or in a helper), only returning, freeing what no hook reads, a data
// pointer that is no entry point, and code built into the kernel.
// RUN: %clang -fsyntax-only %kinc -DMODULE -DV=4 -fplugin=%modsafe_plugin -fplugin-arg-modsafe-checks=-*,missing-quiescence %s 2>&1 | FileCheck %s --allow-empty '--implicit-check-not=[modsafe-'
// RUN: %clang -fsyntax-only %kinc -DMODULE -DV=5 -fplugin=%modsafe_plugin -fplugin-arg-modsafe-checks=-*,missing-quiescence %s 2>&1 | FileCheck %s --allow-empty '--implicit-check-not=[modsafe-'
// RUN: %clang -fsyntax-only %kinc -DMODULE -DV=6 -fplugin=%modsafe_plugin -fplugin-arg-modsafe-checks=-*,missing-quiescence %s 2>&1 | FileCheck %s --allow-empty '--implicit-check-not=[modsafe-'
// RUN: %clang -fsyntax-only %kinc -DMODULE -DV=7 -fplugin=%modsafe_plugin -fplugin-arg-modsafe-checks=-*,missing-quiescence %s 2>&1 | FileCheck %s --allow-empty '--implicit-check-not=[modsafe-'
// RUN: %clang -fsyntax-only %kinc -DMODULE -DV=8 -fplugin=%modsafe_plugin -fplugin-arg-modsafe-checks=-*,missing-quiescence %s 2>&1 | FileCheck %s --allow-empty '--implicit-check-not=[modsafe-'
// RUN: %clang -fsyntax-only %kinc -DMODULE -DV=9 -fplugin=%modsafe_plugin -fplugin-arg-modsafe-checks=-*,missing-quiescence %s 2>&1 | FileCheck %s --allow-empty '--implicit-check-not=[modsafe-'
// RUN: %clang -fsyntax-only %kinc -DV=1 -fplugin=%modsafe_plugin -fplugin-arg-modsafe-checks=-*,missing-quiescence %s 2>&1 | FileCheck %s --allow-empty '--implicit-check-not=[modsafe-'
#include <linux/module.h>
#include <linux/init.h>
#include <linux/rcupdate.h>
#include <linux/netdevice.h>
#include <linux/slab.h>

/* What a subsystem publishes hooks through (declared in its header). */
struct pkt_ops {
	int (*classify)(int len);
	void (*account)(int len);
};
extern int (__rcu *pkt_filter_hook)(int len);
extern const struct pkt_ops __rcu *pkt_ops_hook;
extern struct pkt_ops __rcu *pkt_dyn_ops;
extern struct pkt_stats __rcu *pkt_stats_ptr;

struct pkt_stats { long packets; };
struct filter_state { int threshold; long hits; };

static struct filter_state *state;
static struct pkt_stats *stats;
static char *scratch;

static int my_filter(int len)
{
	if (len > state->threshold)
		state->hits++;
	return 0;
}

static int my_classify(int len) { return len > state->threshold; }
static void my_account(int len) { state->hits += len; }
static const struct pkt_ops my_ops = {
	.classify = my_classify,
	.account = my_account,
};

static void wait_for_readers(void)
{
	synchronize_rcu();
}

static void unhook_ops(void)
{
	// V2: [[@LINE+1]]:2: warning: 'pkt_ops_hook' is unpublished here, but 'state' is freed{{.*}}[modsafe-missing-quiescence]
	rcu_assign_pointer(pkt_ops_hook, NULL);
}

static int __init filt_init(void)
{
	state = kzalloc(sizeof(*state), GFP_KERNEL);
	stats = kzalloc(sizeof(*stats), GFP_KERNEL);
	scratch = kzalloc(64, GFP_KERNEL);
	if (!state || !stats || !scratch)
		return -ENOMEM;
	rcu_assign_pointer(pkt_filter_hook, my_filter);
	rcu_assign_pointer(pkt_ops_hook, &my_ops);
	return 0;
}
module_init(filt_init);

static void __exit filt_exit(void)
{
#if V == 1
	// V1: [[@LINE+1]]:2: warning: 'pkt_filter_hook' is unpublished here, but 'state' is freed before any grace period; callers that entered without a module reference may still be using it; wait with synchronize_rcu() (synchronize_net() in networking code) before the free (or free it with kfree_rcu()) [modsafe-missing-quiescence]
	RCU_INIT_POINTER(pkt_filter_hook, NULL);
	kfree(scratch);
	// V1: [[@LINE+1]]:2: note: 'state' freed here (kfree), with no wait since the unpublish
	kfree(state);
	// FIX: fix-it:"{{.*}}hooks.c":{[[@LINE-1]]:2-[[@LINE-1]]:2}:"synchronize_rcu();\n\t"
	// V1: note: 'my_filter' is entered through it without a module reference
#elif V == 2
	// An ops structure unpublished in a helper (the finding is there); the
	// free follows the call.
	unhook_ops();
	// V2: [[@LINE+1]]:2: note: 'state' freed here (kfree)
	kfree(state);
#elif V == 3
	// The old value of a hook, freed at once: read first, or swapped out.
	struct pkt_ops *o = rcu_dereference_protected(pkt_dyn_ops, 1);
	// V3: [[@LINE+1]]:2: warning: 'pkt_dyn_ops' is unpublished here, but 'o' is freed{{.*}}[modsafe-missing-quiescence]
	RCU_INIT_POINTER(pkt_dyn_ops, NULL);
	// V3: [[@LINE+1]]:2: note: 'o' freed here (kfree)
	kfree(o);
	// V3: [[@LINE+1]]:22: warning: 'pkt_dyn_ops' is unpublished here, but 'p' is freed{{.*}}[modsafe-missing-quiescence]
	struct pkt_ops *p = rcu_replace_pointer(pkt_dyn_ops, NULL, 1);
	// V3: [[@LINE+1]]:2: note: 'p' freed here (kfree)
	kfree(p);
#elif V == 4
	RCU_INIT_POINTER(pkt_filter_hook, NULL);
	synchronize_rcu();
	kfree(state);
#elif V == 5
	RCU_INIT_POINTER(pkt_filter_hook, NULL);
	synchronize_net();
	kfree(state);
#elif V == 6
	unhook_ops();
	wait_for_readers();
	kfree(state);
#elif V == 7
	RCU_INIT_POINTER(pkt_filter_hook, NULL);
	rcu_assign_pointer(pkt_ops_hook, NULL);
#elif V == 8
	RCU_INIT_POINTER(pkt_filter_hook, NULL);
	kfree(scratch);
	synchronize_rcu();
	kfree(state);
#elif V == 9
	// pkt_stats_ptr is data, not an entry point: a plain RCU bug for other
	// tools, not this rule.
	struct pkt_stats *old = rcu_dereference_protected(pkt_stats_ptr, 1);
	RCU_INIT_POINTER(pkt_stats_ptr, NULL);
	kfree(old);
#endif
}
module_exit(filt_exit);
MODULE_LICENSE("GPL");

// missing-quiescence on entries unlinked from RCU lists and on unregisters
// the knowledge base knows do not wait: list_del_rcu() of an entry holding
// callbacks, nf_unregister_net_hook() (the hook blob goes with call_rcu()),
// and tracepoint probes, whose rcuidle callers are SRCU readers the module
// loader does not wait for.
// RUN: %clang -fsyntax-only %kinc -DMODULE -DV=1 -fplugin=%modsafe_plugin -fplugin-arg-modsafe-checks=-*,missing-quiescence %s 2>&1 | FileCheck %s --check-prefix=V1 '--implicit-check-not=[modsafe-'
// RUN: %clang -fsyntax-only %kinc -DMODULE -DV=2 -fplugin=%modsafe_plugin -fplugin-arg-modsafe-checks=-*,missing-quiescence %s 2>&1 | FileCheck %s --check-prefix=V2 '--implicit-check-not=[modsafe-'
// RUN: %clang -fsyntax-only %kinc -DMODULE -DV=3 -fplugin=%modsafe_plugin -fplugin-arg-modsafe-checks=-*,missing-quiescence %s 2>&1 | FileCheck %s --check-prefix=V3 '--implicit-check-not=[modsafe-'
// RUN: %clang -fsyntax-only %kinc -DMODULE -DV=4 -fplugin=%modsafe_plugin -fplugin-arg-modsafe-checks=-*,missing-quiescence %s 2>&1 | FileCheck %s --check-prefix=V4 '--implicit-check-not=[modsafe-'
// Negatives: the waits that fix each of them, an entry with no callbacks,
// and a synchronous unregister (dev_remove_pack()).
// RUN: %clang -fsyntax-only %kinc -DMODULE -DV=5 -fplugin=%modsafe_plugin -fplugin-arg-modsafe-checks=-*,missing-quiescence %s 2>&1 | FileCheck %s --allow-empty '--implicit-check-not=[modsafe-'
// RUN: %clang -fsyntax-only %kinc -DMODULE -DV=6 -fplugin=%modsafe_plugin -fplugin-arg-modsafe-checks=-*,missing-quiescence %s 2>&1 | FileCheck %s --allow-empty '--implicit-check-not=[modsafe-'
// RUN: %clang -fsyntax-only %kinc -DMODULE -DV=7 -fplugin=%modsafe_plugin -fplugin-arg-modsafe-checks=-*,missing-quiescence %s 2>&1 | FileCheck %s --allow-empty '--implicit-check-not=[modsafe-'
// RUN: %clang -fsyntax-only %kinc -DMODULE -DV=8 -fplugin=%modsafe_plugin -fplugin-arg-modsafe-checks=-*,missing-quiescence %s 2>&1 | FileCheck %s --allow-empty '--implicit-check-not=[modsafe-'
#include <linux/module.h>
#include <linux/init.h>
#include <linux/rculist.h>
#include <linux/netfilter.h>
#include <linux/netdevice.h>
#include <linux/tracepoint.h>
#include <linux/slab.h>

struct handler {
	struct list_head list;
	void (*notify)(int event);
};
struct sample {
	struct list_head list;
	int value;
};

extern struct net init_net; /* include/net/net_namespace.h */

DECLARE_TRACE(sched_tick, PARAMS(int cpu), PARAMS(cpu));

static LIST_HEAD(handlers);
static LIST_HEAD(samples);
static struct handler *mine;
static struct sample *last;
static long *counts;

static void my_notify(int event) { counts[event & 7]++; }

static unsigned int my_nf_hook(void *priv, struct sk_buff *skb,
			       const struct nf_hook_state *st)
{
	counts[0]++;
	return NF_ACCEPT;
}

static const struct nf_hook_ops my_nf_ops = {
	.hook = my_nf_hook,
};

static void my_probe(void *data, int cpu) { counts[cpu & 7]++; }

static int __init h_init(void)
{
	counts = kcalloc(8, sizeof(*counts), GFP_KERNEL);
	mine = kzalloc(sizeof(*mine), GFP_KERNEL);
	last = kzalloc(sizeof(*last), GFP_KERNEL);
	if (!counts || !mine || !last)
		return -ENOMEM;
	mine->notify = my_notify;
	list_add_rcu(&mine->list, &handlers);
	list_add_rcu(&last->list, &samples);
	nf_register_net_hook(&init_net, &my_nf_ops);
	register_trace_sched_tick(my_probe, NULL);
	return 0;
}
module_init(h_init);

static void __exit h_exit(void)
{
#if V == 1
	// V1: [[@LINE+1]]:2: warning: '&mine->list' is unpublished here, but 'mine' is freed before any grace period{{.*}}[modsafe-missing-quiescence]
	list_del_rcu(&mine->list);
	// V1: [[@LINE+1]]:2: note: 'mine' freed here (kfree), with no wait since the unpublish
	kfree(mine);
#elif V == 2
	// V2: [[@LINE+1]]:2: warning: '&my_nf_ops' is unpublished here, but 'counts' is freed before any grace period{{.*}}[modsafe-missing-quiescence]
	nf_unregister_net_hook(&init_net, &my_nf_ops);
	// V2: [[@LINE+1]]:2: note: 'counts' freed here (kfree)
	kfree(counts);
	// V2: note: 'my_nf_hook' is entered through it without a module reference
#elif V == 3
	// V3: [[@LINE+1]]:2: warning: 'unregister_trace_sched_tick()' is unpublished here, but the module's exit returns without waiting for its srcu readers, and the module loader does not wait for those before freeing the module's code; call synchronize_rcu() and synchronize_srcu() (tracepoint_synchronize_unregister() for tracepoint probes) before the exit returns [modsafe-missing-quiescence]
	unregister_trace_sched_tick(my_probe, NULL);
#elif V == 4
	// A wait that covers RCU readers only is not enough for SRCU ones.
	// V4: [[@LINE+1]]:2: warning: 'unregister_trace_sched_tick()' is unpublished here, but the module's exit returns without waiting for its srcu readers{{.*}}[modsafe-missing-quiescence]
	unregister_trace_sched_tick(my_probe, NULL);
	synchronize_rcu();
#elif V == 5
	list_del_rcu(&mine->list);
	synchronize_rcu();
	kfree(mine);
	nf_unregister_net_hook(&init_net, &my_nf_ops);
	synchronize_net();
	kfree(counts);
#elif V == 6
	unregister_trace_sched_tick(my_probe, NULL);
	tracepoint_synchronize_unregister();
	kfree(counts);
#elif V == 7
	// A data entry: the readers call nothing of the module's through it.
	list_del_rcu(&last->list);
	kfree(last);
#elif V == 8
	nf_unregister_net_hook(&init_net, &my_nf_ops);
	dev_remove_pack(NULL);
	kfree(counts);
#endif
}
module_exit(h_exit);
MODULE_LICENSE("GPL");

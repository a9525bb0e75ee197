// The fact file beside the report: may-sleep summaries of the functions
// other files of the module can call (static and inline ones cannot), with
// the chain and the calls this TU cannot resolve. Valid against
// docs/facts.schema.json.
// RUN: rm -rf %t && %clang -fsyntax-only %kinc -DMODULE -fplugin=%modsafe_plugin -fplugin-arg-modsafe-report-dir=%t %s
// RUN: ls %t | FileCheck %s --check-prefix=FILES
// FILES: facts.c.{{[0-9a-f]+}}.modsafe-facts.json
// FILES: facts.c.{{[0-9a-f]+}}.modsafe.json
// RUN: /usr/bin/python3 %srcroot/test/tools/validate-report.py %facts_schema %t/*.modsafe-facts.json
// RUN: /usr/bin/python3 -c "import json,glob; d=json.load(open(glob.glob('%t/*.modsafe-facts.json')[0])); [print(f['name'], f['may_sleep'], f['gfp_params'], [c['callee'] for c in f['external_calls']], len(f['chain'])) for f in d['functions']]" | FileCheck %s
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/delay.h>

extern void other_file_helper(void);

static void hidden(void) { msleep(1); }

// CHECK: demo_wait yes [] ['other_file_helper'] 2
void demo_wait(void)
{
	other_file_helper();
	hidden();
}

// CHECK-NEXT: demo_alloc if_gfp_allows_reclaim [1] [] 1
void *demo_alloc(size_t n, gfp_t gfp)
{
	return kmalloc(n, gfp);
}

// CHECK-NEXT: demo_quick no [] [] 0
int demo_quick(int x)
{
	return x * 2;
}
// CHECK-NOT: hidden

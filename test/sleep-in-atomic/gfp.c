// sleep-in-atomic: the allocator rule. An allocation may sleep when its gfp
// flags allow direct reclaim — GFP_KERNEL, GFP_NOFS, GFP_NOIO, GFP_USER, or
// a value that is not known — and not for GFP_ATOMIC/GFP_NOWAIT. Helpers
// that take a gfp parameter sleep only if their caller's flags allow it.
// RUN: %clang -fsyntax-only %kinc -DMODULE -fplugin=%modsafe_plugin -fplugin-arg-modsafe-checks=-*,sleep-in-atomic %s 2>&1 | FileCheck %s '--implicit-check-not=[modsafe-'
// RUN: %clang -fsyntax-only %kinc -DMODULE -fplugin=%modsafe_plugin -fplugin-arg-modsafe-checks=-*,sleep-in-atomic -fdiagnostics-parseable-fixits %s 2>&1 | FileCheck %s --check-prefix=FIX
#include <linux/module.h>
#include <linux/spinlock.h>
#include <linux/slab.h>
#include <linux/gfp.h>
#include <linux/hardirq.h>

static DEFINE_SPINLOCK(lock);

struct dev { gfp_t gfp; void *buf; };

static void *grab(size_t n, gfp_t gfp)
{
	return kzalloc(n, gfp);
}

static void *grab_twice(size_t n, gfp_t flags)
{
	return grab(n, flags | __GFP_NOWARN);
}

void flags(struct dev *d, gfp_t param)
{
	gfp_t local = GFP_ATOMIC;

	spin_lock(&lock);
	// CHECK: [[@LINE+2]]:11: warning: 'kmalloc' with 'GFP_KERNEL' may sleep, but it is called in atomic context (spinlock held since 'spin_lock') [modsafe-sleep-in-atomic]
	// FIX: fix-it:"{{.*}}gfp.c":{[[@LINE+1]]:23-[[@LINE+1]]:33}:"GFP_ATOMIC"
	d->buf = kmalloc(16, GFP_KERNEL);
	// CHECK: [[@LINE+1]]:11: warning: 'kzalloc' with 'GFP_NOFS' may sleep{{.*}}[modsafe-sleep-in-atomic]
	d->buf = kzalloc(16, GFP_NOFS);
	// CHECK: [[@LINE+1]]:11: warning: 'kcalloc' with 'GFP_NOIO' may sleep{{.*}}[modsafe-sleep-in-atomic]
	d->buf = kcalloc(2, 16, GFP_NOIO);
	// CHECK: [[@LINE+1]]:11: warning: 'kmalloc' with 'GFP_USER' may sleep{{.*}}[modsafe-sleep-in-atomic]
	d->buf = kmalloc(16, GFP_USER);
	// CHECK: [[@LINE+1]]:11: warning: 'kmalloc' with 'GFP_KERNEL | __GFP_ZERO' may sleep{{.*}}[modsafe-sleep-in-atomic]
	d->buf = kmalloc(16, GFP_KERNEL | __GFP_ZERO);
	/* A field, a parameter of a function nobody here calls: not known. */
	// CHECK: [[@LINE+1]]:11: warning: 'kmalloc' with 'd->gfp' may sleep{{.*}}[modsafe-sleep-in-atomic]
	d->buf = kmalloc(16, d->gfp);
	// CHECK: [[@LINE+1]]:11: warning: 'kmalloc' with 'param' may sleep{{.*}}[modsafe-sleep-in-atomic]
	d->buf = kmalloc(16, param);
	/* Through helpers: the caller's flags decide. */
	// CHECK: [[@LINE+1]]:11: warning: 'grab' (through 'kzalloc') may sleep{{.*}}[modsafe-sleep-in-atomic]
	d->buf = grab(16, GFP_KERNEL);
	// CHECK: [[@LINE+1]]:11: warning: 'grab_twice' (through 'kzalloc') may sleep{{.*}}[modsafe-sleep-in-atomic]
	d->buf = grab_twice(16, GFP_KERNEL);

	/* None of these can enter direct reclaim. */
	d->buf = kmalloc(16, GFP_ATOMIC);
	d->buf = kmalloc(16, GFP_NOWAIT);
	d->buf = kmalloc(16, GFP_ATOMIC | __GFP_NOWARN | __GFP_ZERO);
	d->buf = kmalloc(16, GFP_KERNEL & ~__GFP_DIRECT_RECLAIM);
	d->buf = kmalloc(16, local);
	d->buf = kmalloc(16, in_interrupt() ? GFP_ATOMIC : GFP_KERNEL);
	d->buf = grab(16, GFP_ATOMIC);
	d->buf = grab_twice(16, GFP_NOWAIT);
	spin_unlock(&lock);

	d->buf = kmalloc(16, GFP_KERNEL);
}

/* A local reassigned later is not known. */
void reassigned(struct dev *d, int c)
{
	gfp_t g = GFP_ATOMIC;

	if (c)
		g = GFP_KERNEL;
	spin_lock(&lock);
	// CHECK: [[@LINE+1]]:11: warning: 'kmalloc' with 'g' may sleep{{.*}}[modsafe-sleep-in-atomic]
	d->buf = kmalloc(16, g);
	spin_unlock(&lock);
}

/* `gfp |= flags that cannot reclaim` keeps the helper parametric. */
static void *grab_comp(gfp_t gfp)
{
	gfp |= __GFP_COMP | __GFP_NOWARN;
	return kmalloc(64, gfp);
}

void caller_of_or_assign(struct dev *d)
{
	spin_lock(&lock);
	d->buf = grab_comp(GFP_ATOMIC);
	// CHECK: [[@LINE+1]]:11: warning: 'grab_comp' (through 'kmalloc') may sleep{{.*}}[modsafe-sleep-in-atomic]
	d->buf = grab_comp(GFP_KERNEL);
	spin_unlock(&lock);
}

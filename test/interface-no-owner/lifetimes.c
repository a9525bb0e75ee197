// Callbacks stored where they do not outlive the call: an object the
// function frees before returning (altera_init's astate), and memory managed
// by the device of the object itself, allocated by a helper of the same file
// (mctrl_gpio_init's gpios). The same stores into memory that lives on are
// reported (-DKEEP).
// RUN: %clang -fsyntax-only %kinc -fplugin=%modsafe_plugin -fplugin-arg-modsafe-checks=-*,interface-no-owner %s 2>&1 | count 0
// RUN: %clang -fsyntax-only %kinc -DKEEP -fplugin=%modsafe_plugin -fplugin-arg-modsafe-checks=-*,interface-no-owner %s 2>&1 | FileCheck %s '--implicit-check-not=[modsafe-'
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/device.h>
#include <linux/errno.h>

struct prog_config {
	int (*jtag_io)(int tms, int tdi, int read_tdo);
};

struct prog_state {
	struct prog_config *config;
	int pc;
};

int run_program(struct prog_state *s);

// CHECK: [[@LINE+1]]:5: warning: 'prog_init' stores the caller's callbacks{{.*}}[modsafe-interface-no-owner]
int prog_init(struct prog_config *config)
{
	struct prog_state *st = kzalloc(sizeof(*st), GFP_KERNEL);
	int ret;

	if (!st)
		return -ENOMEM;
	st->config = config;
	ret = run_program(st);
#ifndef KEEP
	kfree(st);
#endif
	return ret;
}
EXPORT_SYMBOL(prog_init);

struct port {
	struct device *dev;
	void (*set_mctrl)(struct port *p, unsigned int mctrl);
};

struct gpios {
	struct port *port;
};

static struct gpios *gpios_alloc(struct device *dev)
{
#ifndef KEEP
	struct gpios *g = devm_kzalloc(dev, sizeof(*g), GFP_KERNEL);
#else
	struct gpios *g = kzalloc(sizeof(*g), GFP_KERNEL);
#endif

	if (!g)
		return ERR_PTR(-ENOMEM);
	return g;
}

// CHECK: [[@LINE+1]]:15: warning: 'gpios_init' stores the caller's callbacks{{.*}}[modsafe-interface-no-owner]
struct gpios *gpios_init(struct port *port)
{
	struct gpios *g = gpios_alloc(port->dev);

	if (IS_ERR(g))
		return g;
	g->port = port;
	return g;
}
EXPORT_SYMBOL(gpios_init);

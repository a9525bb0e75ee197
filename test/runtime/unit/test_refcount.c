// SPDX-License-Identifier: GPL-2.0
/* Module states and references: kernel/module/main.c (Linux 6.1) semantics. */
#include "rt_test.h"
#include <errno.h>

static int exits;
static int tinit(void) { return 0; }
static void texit(void) { exits++; }

TEST(live_get_put)
{
	static struct module m = {.init = tinit, .exit = texit};
	struct ms_mod *r = ms_rt_register_static_module(&m, "live");
	CHECK_EQ(ms_rt_module_state(r), MODULE_STATE_LIVE);
	CHECK_EQ(module_refcount(&m), 0);
	CHECK(try_module_get(&m));
	CHECK(try_module_get(&m));
	CHECK_EQ(module_refcount(&m), 2);
	module_put(&m);
	module_put(&m);
	CHECK_EQ(module_refcount(&m), 0);
	CHECK_EQ(ms_rt_finding_count("put-unbalanced"), 0);
	CHECK(try_module_get(NULL)); /* built-in: always */
	module_put(NULL);
	__module_get(NULL);
}

TEST(delete_module_semantics)
{
	static struct module m = {.init = tinit, .exit = texit};
	struct ms_mod *r = ms_rt_register_static_module(&m, "going");
	CHECK(try_module_get(&m));
	/* in use: -EWOULDBLOCK, state unchanged, reference intact */
	CHECK_EQ(ms_rt_delete_module(r, 0), -EWOULDBLOCK);
	CHECK_EQ(ms_rt_module_state(r), MODULE_STATE_LIVE);
	CHECK_EQ(module_refcount(&m), 1);
	module_put(&m);
	/* unused: stopped (GOING), exit not yet run */
	CHECK_EQ(ms_rt_delete_begin(r, 0), 0);
	CHECK_EQ(ms_rt_module_state(r), MODULE_STATE_GOING);
	CHECK(!try_module_get(&m));		/* try_module_get fails once GOING */
	CHECK(!__ms_module_is_live(&m));
	__module_get(&m);			/* __module_get is allowed, as in the kernel */
	CHECK_EQ(module_refcount(&m), 0);	/* base removed by try_release_module_ref */
	module_put(&m);
	CHECK_EQ(ms_rt_delete_begin(r, 0), -EBUSY); /* already dying */
	int before = exits;
	CHECK_EQ(ms_rt_delete_finish(r), 0);
	CHECK_EQ(exits, before + 1);
	CHECK_EQ(ms_rt_finding_count("put-unbalanced"), 0);
}

TEST(no_exit_cannot_unload)
{
	static struct module m = {.init = tinit};
	struct ms_mod *r = ms_rt_register_static_module(&m, "noexit");
	CHECK_EQ(ms_rt_delete_module(r, 0), -EBUSY);
	CHECK_EQ(ms_rt_module_state(r), MODULE_STATE_LIVE);
}

TEST(forced_unload)
{
	static struct module m = {.init = tinit, .exit = texit};
	struct ms_mod *r = ms_rt_register_static_module(&m, "forced");
	CHECK(try_module_get(&m));
	CHECK_EQ(ms_rt_report_ref_leak(r), 1);
	CHECK_EQ(ms_rt_finding_count("ref-leak"), 1);
	CHECK_EQ(ms_rt_delete_module(r, MS_RT_FORCE), 0);
}

TEST(underflow)
{
	static struct module m = {.init = tinit, .exit = texit};
	ms_rt_register_static_module(&m, "under");
	int before = ms_rt_finding_count("put-unbalanced");
	CHECK(try_module_get(&m));
	module_put(&m);
	module_put(&m); /* no get outstanding: put-unbalanced */
	CHECK_EQ(ms_rt_finding_count("put-unbalanced"), before + 1);
}

TEST(get_put_across_functions)
{
	/* a get in one function, the put in another (open/release): balanced */
	static struct module m = {.init = tinit, .exit = texit};
	ms_rt_register_static_module(&m, "acrossfn");
	int before = ms_rt_finding_count("put-unbalanced");
	CHECK(try_module_get(&m));
	__module_get(&m);
	module_put(&m);
	module_put(&m);
	CHECK_EQ(ms_rt_finding_count("put-unbalanced"), before);
}

int main(void)
{
	rt_setup();
	RUN(live_get_put);
	RUN(delete_module_semantics);
	RUN(no_exit_cannot_unload);
	RUN(forced_unload);
	RUN(underflow);
	RUN(get_put_across_functions);
	ms_rt_shutdown();
	return rt_done("test_refcount");
}

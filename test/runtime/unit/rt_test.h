/* Minimal test helpers for the runtime's unit tests (C, no framework). */
#ifndef RT_TEST_H
#define RT_TEST_H
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "modsafe/rt.h"

static int rt_failures, rt_checks;
#define CHECK(cond) do { rt_checks++; if (!(cond)) { rt_failures++; \
	fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond); } } while (0)
#define CHECK_EQ(a, b) do { long long _a = (long long)(a), _b = (long long)(b); rt_checks++; if (_a != _b) { \
	rt_failures++; fprintf(stderr, "%s:%d: CHECK_EQ failed: %s == %lld, expected %s == %lld\n", \
	__FILE__, __LINE__, #a, _a, #b, _b); } } while (0)
#define TEST(name) static void name(void)
#define RUN(name) do { fprintf(stderr, "[ RUN ] %s\n", #name); name(); } while (0)
static inline int rt_done(const char *what)
{
	fprintf(stderr, "%s: %d checks, %d failed\n", what, rt_checks, rt_failures);
	return rt_failures ? 1 : 0;
}
static inline void rt_setup(void)
{
	struct ms_rt_options o = {.time_scale = 1.0, .quiet = getenv("RT_VERBOSE") ? 0 : 1};
	ms_rt_init(&o);
	ms_rt_thread_enter("test");
}
#endif

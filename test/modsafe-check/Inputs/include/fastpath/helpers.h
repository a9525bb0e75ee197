/* Header inlines outside the module's directory: modsafe-check skips the
 * bodies the analysis cannot reach and must keep every one it can. */
#include <linux/delay.h>

static inline void fp_leaf(void)
{
	msleep(10);
}

static inline void fp_middle(int n)
{
	if (n)
		fp_leaf();
}

/* Reached from nothing the module writes: its body is skipped. */
static inline void fp_unused(void)
{
	msleep(1);
}

/* Reached only through a header object's initializer. */
static inline void fp_hook(void)
{
	msleep(2);
}
struct fp_ops {
	void (*hook)(void);
};
static const struct fp_ops fp_default_ops = {
	.hook = fp_hook,
};
static inline void fp_call_default(void)
{
	fp_default_ops.hook();
}

/* Defined through a macro, called through another. */
#define FP_DEFINE_WAIT(name) static inline void name(void) { fp_middle(1); }
FP_DEFINE_WAIT(fp_generated)
#define FP_WAIT() fp_generated()

#ifdef KNR
/* An old-style definition the token-level cut cannot pair with the parser's
 * declaration: the translation unit is parsed again in full. */
static int fp_knr(a) int a;
{
	return a;
}
#endif

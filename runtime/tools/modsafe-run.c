// SPDX-License-Identifier: GPL-2.0
/*
 * modsafe-run: load kernel modules built as shared objects (modsafe-modcc)
 * into the runtime shim, drive them with a scenario, unload them the way
 * delete_module(2) does, and report what the runtime saw in the plugin's
 * JSON report format. See docs/runtime.md.
 */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "modsafe/rt.h"

#ifndef MODSAFE_VERSION
#define MODSAFE_VERSION "0.1.0"
#endif

/* ---- options ---- */
static const char *report_dir;
static const char *scenario_path;
static double time_scale = 1.0;
static long linger_ms = 1500;
static int quiet, verbose, stress, nthreads = 4, iterations = 1, soft_refs;
static unsigned long long seed;
static int seed_given;
static int fail_alloc;
static const char *mods[64];
static int nmods;

static void say(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void say(const char *fmt, ...)
{
	if (quiet)
		return;
	va_list ap;
	va_start(ap, fmt);
	flockfile(stderr);
	fprintf(stderr, "modsafe-run: ");
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	funlockfile(stderr);
	va_end(ap);
}

/* ---- scenario ---- */
enum op {
	C_LOAD, C_UNLOAD, C_UNLOAD_FORCE, C_UNLOAD_BEGIN, C_UNLOAD_FINISH, C_OPEN, C_READ, C_WRITE, C_IOCTL,
	C_CLOSE, C_IRQ, C_POWEROFF, C_CALL_HOOK, C_KOBJ_GET, C_KOBJ_PUT, C_SLEEP, C_FAIL_ALLOC, C_EXPECT_RC,
	C_EXPECT_FINDING, C_EXPECT_NO_FINDING, C_ECHO,
};
struct cmd {
	int op, line;
	char arg[256];
	long n1, n2;
	int has_n2;
};
static struct cmd *cmds;
static int ncmds;

static const struct { const char *name; int op; } ops[] = {
	{"load", C_LOAD}, {"unload", C_UNLOAD}, {"unload-force", C_UNLOAD_FORCE}, {"unload-begin", C_UNLOAD_BEGIN},
	{"unload-finish", C_UNLOAD_FINISH}, {"open", C_OPEN}, {"read", C_READ}, {"write", C_WRITE},
	{"ioctl", C_IOCTL}, {"close", C_CLOSE}, {"irq", C_IRQ}, {"poweroff", C_POWEROFF},
	{"call-hook", C_CALL_HOOK}, {"kobject-get", C_KOBJ_GET}, {"kobject-put", C_KOBJ_PUT},
	{"sleep", C_SLEEP}, {"fail-alloc", C_FAIL_ALLOC}, {"expect", -1}, {"echo", C_ECHO},
};

static const struct { const char *name; int v; } errnames[] = {
	{"EPERM", 1}, {"ENOENT", 2}, {"EINTR", 4}, {"EIO", 5}, {"ENXIO", 6}, {"EBADF", 9}, {"EAGAIN", 11},
	{"EWOULDBLOCK", 11}, {"ENOMEM", 12}, {"EFAULT", 14}, {"EBUSY", 16}, {"EEXIST", 17}, {"ENODEV", 19},
	{"EINVAL", 22}, {"ENOTTY", 25}, {"ENOSPC", 28},
};

static int parse_long(const char *s, long *v)
{
	char *end;
	int neg = 0;
	if (*s == '-') {
		neg = 1;
		s++;
	}
	for (size_t i = 0; i < sizeof(errnames) / sizeof(errnames[0]); i++)
		if (!strcmp(s, errnames[i].name)) {
			*v = neg ? -errnames[i].v : errnames[i].v;
			return 0;
		}
	errno = 0;
	long x = strtol(s, &end, 0);
	if (errno || end == s || *end)
		return -1;
	*v = neg ? -x : x;
	return 0;
}

static int parse_duration_ms(const char *s, long *ms)
{
	char *end;
	double v = strtod(s, &end);
	if (end == s || v < 0)
		return -1;
	if (!*end || !strcmp(end, "ms"))
		*ms = (long)v;
	else if (!strcmp(end, "s"))
		*ms = (long)(v * 1000);
	else if (!strcmp(end, "us"))
		*ms = (long)(v / 1000);
	else
		return -1;
	return 0;
}

static char *unquote(char *s)
{
	size_t n = strlen(s);
	if (n >= 2 && s[0] == '"' && s[n - 1] == '"') {
		s[n - 1] = 0;
		s++;
	}
	char *w = s;
	for (char *r = s; *r; r++) {
		if (*r == '\\' && r[1] == 'n') {
			*w++ = '\n';
			r++;
		} else if (*r == '\\' && r[1]) {
			*w++ = *++r;
		} else
			*w++ = *r;
	}
	*w = 0;
	return s;
}

static int parse_scenario(const char *path)
{
	FILE *f = fopen(path, "r");
	if (!f) {
		fprintf(stderr, "modsafe-run: %s: %s\n", path, strerror(errno));
		return -1;
	}
	char buf[1024];
	int line = 0;
	while (fgets(buf, sizeof(buf), f)) {
		line++;
		char *s = buf;
		s[strcspn(s, "\r\n")] = 0;
		while (*s == ' ' || *s == '\t')
			s++;
		if (!*s || *s == '#')
			continue;
		char *word = s;
		s += strcspn(s, " \t");
		if (*s)
			*s++ = 0;
		while (*s == ' ' || *s == '\t')
			s++;
		char *rest = s;
		/* trailing comment */
		for (char *p = rest; *p; p++)
			if (*p == '#' && (p == rest || p[-1] == ' ' || p[-1] == '\t')) {
				*p = 0;
				break;
			}
		for (size_t n = strlen(rest); n && (rest[n - 1] == ' ' || rest[n - 1] == '\t'); n--)
			rest[n - 1] = 0;
		int op = -2;
		for (size_t i = 0; i < sizeof(ops) / sizeof(ops[0]); i++)
			if (!strcmp(word, ops[i].name))
				op = ops[i].op;
		if (op == -2) {
			fprintf(stderr, "%s:%d: unknown command '%s'\n", path, line, word);
			fclose(f);
			return -1;
		}
		cmds = realloc(cmds, (size_t)(ncmds + 1) * sizeof(*cmds));
		if (!cmds)
			abort();
		struct cmd *c = &cmds[ncmds];
		memset(c, 0, sizeof(*c));
		c->line = line;
		int bad = 0;
		char a1[256] = "", a2[256] = "";
		if (op == -1) {
			/* expect rc V | expect finding CHECK | expect no-finding [CHECK] */
			if (sscanf(rest, "%255s %255s", a1, a2) < 1)
				bad = 1;
			else if (!strcmp(a1, "rc")) {
				op = C_EXPECT_RC;
				bad = parse_long(a2, &c->n1);
			} else if (!strcmp(a1, "finding")) {
				op = C_EXPECT_FINDING;
				snprintf(c->arg, sizeof(c->arg), "%s", a2);
				bad = !a2[0];
			} else if (!strcmp(a1, "no-finding")) {
				op = C_EXPECT_NO_FINDING;
				snprintf(c->arg, sizeof(c->arg), "%s", a2);
			} else
				bad = 1;
		} else
			switch (op) {
			case C_LOAD: case C_KOBJ_GET: case C_KOBJ_PUT:
				bad = sscanf(rest, "%255s", c->arg) != 1;
				break;
			case C_UNLOAD: case C_UNLOAD_FORCE: case C_UNLOAD_BEGIN: case C_UNLOAD_FINISH:
				sscanf(rest, "%255s", c->arg);
				break;
			case C_OPEN: {
				int k = sscanf(rest, "%255s %255s %255s", c->arg, a1, a2);
				c->n1 = -1;
				if (k == 3 && !strcmp(a1, "as"))
					bad = parse_long(a2, &c->n1);
				else
					bad = k != 1;
				break;
			}
			case C_READ:
				bad = sscanf(rest, "%ld %ld", &c->n1, &c->n2) != 2;
				break;
			case C_WRITE: {
				char *sp;
				c->n1 = strtol(rest, &sp, 10);
				if (sp == rest)
					bad = 1;
				while (*sp == ' ' || *sp == '\t')
					sp++;
				snprintf(c->arg, sizeof(c->arg), "%s", unquote(sp));
				break;
			}
			case C_IOCTL: {
				int k = sscanf(rest, "%ld %255s %255s", &c->n1, a1, a2);
				bad = k < 2 || parse_long(a1, &c->n2);
				c->has_n2 = 0;
				if (k == 3) {
					long v;
					bad |= parse_long(a2, &v);
					snprintf(c->arg, sizeof(c->arg), "%ld", v);
					c->has_n2 = 1;
				}
				break;
			}
			case C_CLOSE: case C_IRQ: case C_FAIL_ALLOC:
				bad = sscanf(rest, "%ld", &c->n1) != 1;
				break;
			case C_CALL_HOOK: {
				int k = sscanf(rest, "%255s %255s", c->arg, a1);
				bad = k < 1;
				if (k == 2)
					bad |= parse_long(a1, &c->n1);
				break;
			}
			case C_SLEEP:
				bad = parse_duration_ms(rest, &c->n1);
				break;
			case C_ECHO:
				snprintf(c->arg, sizeof(c->arg), "%s", rest);
				break;
			}
		if (bad) {
			fprintf(stderr, "%s:%d: malformed '%s' command\n", path, line, word);
			fclose(f);
			return -1;
		}
		c->op = op;
		ncmds++;
	}
	fclose(f);
	return 0;
}

/* ---- modules ---- */
struct loaded { struct ms_mod *m; const char *path; int gone; };
static struct loaded loaded[64];
static int nloaded;
static pthread_mutex_t mod_lock = PTHREAD_MUTEX_INITIALIZER;

static const char *mod_path(const char *name)
{
	for (int i = 0; i < nmods; i++) {
		const char *b = strrchr(mods[i], '/');
		b = b ? b + 1 : mods[i];
		size_t n = strlen(name);
		if (!strcmp(mods[i], name) || !strcmp(b, name) ||
		    (!strncmp(b, name, n) && (!strcmp(b + n, ".ko.so") || !strcmp(b + n, ".so"))))
			return mods[i];
	}
	return NULL;
}

static int do_load(const char *path)
{
	char err[1024];
	int ret = 0;
	struct ms_mod *m = ms_rt_load(path, &ret, err, sizeof(err));
	if (!m) {
		fprintf(stderr, "modsafe-run: cannot load %s\n", err);
		return -ENOEXEC;
	}
	pthread_mutex_lock(&mod_lock);
	loaded[nloaded].m = m;
	loaded[nloaded].path = path;
	loaded[nloaded].gone = ret < 0;
	nloaded++;
	pthread_mutex_unlock(&mod_lock);
	say("loaded %s (init returned %d)", ms_rt_module_name(m), ret);
	return ret;
}

static struct loaded *find_loaded(const char *name)
{
	pthread_mutex_lock(&mod_lock);
	struct loaded *hit = NULL;
	for (int i = nloaded - 1; i >= 0 && !hit; i--) {
		if (loaded[i].gone)
			continue;
		if (!name || !name[0] || !strcmp(ms_rt_module_name(loaded[i].m), name) || !strcmp(loaded[i].path, name))
			hit = &loaded[i];
	}
	pthread_mutex_unlock(&mod_lock);
	return hit;
}

static int do_unload(struct loaded *l, int flags)
{
	int e = ms_rt_delete_module(l->m, flags);
	say("delete_module(%s)%s = %d%s", ms_rt_module_name(l->m), flags ? " forced" : "", e,
	    e == -EWOULDBLOCK ? " (-EWOULDBLOCK: in use)" : e == -EBUSY ? " (-EBUSY)" : "");
	if (!e)
		l->gone = 1;
	return e;
}

/* ---- execution ---- */
struct ctx {
	struct file *files[64];
	long last_rc;
	int failures;
	const char *who;
};

static void sleep_scaled(long ms) { ms_rt_sleep_ms((unsigned)ms); }

static long exec_cmd(struct ctx *x, const struct cmd *c)
{
	long rc = 0;
	switch (c->op) {
	case C_LOAD: {
		const char *p = mod_path(c->arg);
		if (!p) {
			fprintf(stderr, "modsafe-run: scenario line %d: no module '%s' on the command line\n", c->line, c->arg);
			return -ENOENT;
		}
		rc = do_load(p);
		break;
	}
	case C_UNLOAD: case C_UNLOAD_FORCE: {
		struct loaded *l = find_loaded(c->arg);
		rc = l ? do_unload(l, c->op == C_UNLOAD_FORCE ? MS_RT_FORCE : 0) : -ENOENT;
		break;
	}
	case C_UNLOAD_BEGIN: {
		struct loaded *l = find_loaded(c->arg);
		rc = l ? ms_rt_delete_begin(l->m, 0) : -ENOENT;
		say("delete_module(%s): stopped = %ld (the exit has not run yet)", l ? ms_rt_module_name(l->m) : c->arg, rc);
		break;
	}
	case C_UNLOAD_FINISH: {
		struct loaded *l = find_loaded(c->arg);
		rc = l ? ms_rt_delete_finish(l->m) : -ENOENT;
		if (l && !rc)
			l->gone = 1;
		say("delete_module(%s): exit and free = %ld", l ? ms_rt_module_name(l->m) : c->arg, rc);
		break;
	}
	case C_OPEN: {
		int fd = (int)c->n1;
		if (fd < 0)
			for (fd = 0; fd < 64 && x->files[fd]; fd++)
				;
		if (fd >= 64 || x->files[fd])
			return -EMFILE;
		struct file *f;
		rc = ms_rt_open(c->arg, 2 /* O_RDWR */, &f);
		if (!rc) {
			x->files[fd] = f;
			rc = fd;
		}
		if (verbose)
			say("%s: open %s = %ld", x->who, c->arg, rc);
		break;
	}
	case C_READ: {
		if (c->n1 < 0 || c->n1 >= 64 || !x->files[c->n1])
			return -EBADF;
		size_t n = c->n2 > 0 ? (size_t)c->n2 : 0;
		char *buf = calloc(1, n + 1);
		if (!buf)
			return -ENOMEM;
		rc = ms_rt_read(x->files[c->n1], buf, n);
		if (verbose)
			say("%s: read %ld = %ld%s%.*s%s", x->who, c->n1, rc, rc > 0 ? " \"" : "", rc > 0 ? (int)rc : 0, buf,
			    rc > 0 ? "\"" : "");
		free(buf);
		break;
	}
	case C_WRITE:
		if (c->n1 < 0 || c->n1 >= 64 || !x->files[c->n1])
			return -EBADF;
		rc = ms_rt_write(x->files[c->n1], c->arg, strlen(c->arg));
		break;
	case C_IOCTL:
		if (c->n1 < 0 || c->n1 >= 64 || !x->files[c->n1])
			return -EBADF;
		rc = ms_rt_ioctl(x->files[c->n1], (unsigned)c->n2, c->has_n2 ? (unsigned long)strtol(c->arg, NULL, 0) : 0);
		break;
	case C_CLOSE:
		if (c->n1 < 0 || c->n1 >= 64 || !x->files[c->n1])
			return -EBADF;
		rc = ms_rt_close(x->files[c->n1]);
		x->files[c->n1] = NULL;
		break;
	case C_IRQ:
		rc = ms_rt_fire_irq((unsigned)c->n1);
		break;
	case C_POWEROFF:
		rc = ms_rt_power_off();
		break;
	case C_CALL_HOOK: {
		long ret = 0;
		rc = ms_rt_call_hook(c->arg, c->n1, &ret);
		if (!rc)
			rc = ret;
		break;
	}
	case C_KOBJ_GET:
		rc = ms_rt_kobject_pin(c->arg);
		break;
	case C_KOBJ_PUT:
		rc = ms_rt_kobject_unpin(c->arg);
		break;
	case C_SLEEP:
		sleep_scaled(c->n1);
		break;
	case C_FAIL_ALLOC:
		ms_rt_fail_alloc((int)c->n1);
		break;
	case C_EXPECT_RC:
		if (x->last_rc != c->n1) {
			fprintf(stderr, "modsafe-run: scenario line %d: expected rc %ld, got %ld\n", c->line, c->n1, x->last_rc);
			x->failures++;
		}
		return x->last_rc;
	case C_EXPECT_FINDING: case C_EXPECT_NO_FINDING:
		return x->last_rc; /* checked at the end */
	case C_ECHO:
		say("%s", c->arg);
		break;
	}
	x->last_rc = rc;
	return rc;
}

static void close_all(struct ctx *x)
{
	for (int i = 0; i < 64; i++)
		if (x->files[i]) {
			ms_rt_close(x->files[i]);
			x->files[i] = NULL;
		}
}

/* After the scenario: what rmmod would have to do for each module still loaded. */
static void final_unload(void)
{
	for (int i = nloaded - 1; i >= 0; i--) {
		struct loaded *l = &loaded[i];
		if (l->gone || ms_rt_module_state(l->m) < 0)
			continue;
		int e = ms_rt_delete_module(l->m, 0);
		for (int tries = 0; e == -EWOULDBLOCK && tries < 20; tries++) {
			sleep_scaled(50); /* threads that still hold a reference may be about to drop it */
			e = ms_rt_delete_module(l->m, 0);
		}
		if (e == -EWOULDBLOCK) {
			int n = ms_rt_report_ref_leak(l->m);
			say("%s is still in use (%d reference(s) held) at the final unload: forcing it", ms_rt_module_name(l->m), n);
			e = ms_rt_delete_module(l->m, MS_RT_FORCE);
		}
		if (e == -EBUSY)
			say("%s cannot be unloaded (no module_exit): it stays loaded", ms_rt_module_name(l->m));
		else if (e && e != -ENOENT)
			say("final delete_module(%s) = %d", ms_rt_module_name(l->m), e);
		if (!e)
			l->gone = 1;
	}
}

/* ---- stress ---- */
static unsigned long long rng_next(unsigned long long *s)
{
	unsigned long long x = (*s += 0x9e3779b97f4a7c15ull);
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
	x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
	return x ^ (x >> 31);
}

static long step_counter;
static long unload_at;
static int workers_done;
static pthread_mutex_t st_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t st_cond = PTHREAD_COND_INITIALIZER;

struct worker { pthread_t t; int idx; unsigned long long rng; struct ctx x; };

static void *worker_main(void *a)
{
	struct worker *w = a;
	char name[32];
	snprintf(name, sizeof(name), "worker %d", w->idx);
	ms_rt_thread_enter(name);
	w->x.who = "worker";
	for (int i = 0; i < ncmds; i++) {
		const struct cmd *c = &cmds[i];
		if (c->op == C_LOAD || c->op == C_UNLOAD || c->op == C_UNLOAD_FORCE || c->op == C_UNLOAD_BEGIN ||
		    c->op == C_UNLOAD_FINISH || c->op == C_EXPECT_RC || c->op == C_EXPECT_FINDING ||
		    c->op == C_EXPECT_NO_FINDING || c->op == C_FAIL_ALLOC)
			continue;
		if (rng_next(&w->rng) % 4 == 0)
			usleep((useconds_t)(rng_next(&w->rng) % 2000));
		exec_cmd(&w->x, c);
		pthread_mutex_lock(&st_lock);
		step_counter++;
		pthread_cond_broadcast(&st_cond);
		pthread_mutex_unlock(&st_lock);
	}
	close_all(&w->x);
	pthread_mutex_lock(&st_lock);
	workers_done++;
	pthread_cond_broadcast(&st_cond);
	pthread_mutex_unlock(&st_lock);
	return NULL;
}

static int run_stress(void)
{
	int steps_per = 0;
	for (int i = 0; i < ncmds; i++)
		if (cmds[i].op == C_OPEN || cmds[i].op == C_READ || cmds[i].op == C_WRITE || cmds[i].op == C_IOCTL ||
		    cmds[i].op == C_CLOSE || cmds[i].op == C_IRQ || cmds[i].op == C_POWEROFF || cmds[i].op == C_CALL_HOOK ||
		    cmds[i].op == C_KOBJ_GET || cmds[i].op == C_KOBJ_PUT || cmds[i].op == C_SLEEP || cmds[i].op == C_ECHO)
			steps_per++;
	long total = (long)steps_per * nthreads;
	for (int it = 0; it < iterations; it++) {
		unsigned long long rs = seed ^ (0x5851f42d4c957f2dull * (unsigned long long)(it + 1));
		unload_at = total ? (long)(rng_next(&rs) % (unsigned long long)(total + 1)) : 0;
		fprintf(stderr, "modsafe-run: stress: seed=%llu iteration=%d threads=%d unload after step %ld of %ld\n",
			seed, it, nthreads, unload_at, total);
		int first = nloaded;
		for (int i = 0; i < nmods; i++)
			(void)do_load(mods[i]);
		pthread_mutex_lock(&st_lock);
		step_counter = 0;
		workers_done = 0;
		pthread_mutex_unlock(&st_lock);
		struct worker *ws = calloc((size_t)nthreads, sizeof(*ws));
		if (!ws)
			return 2;
		for (int i = 0; i < nthreads; i++) {
			ws[i].idx = i;
			ws[i].rng = rs ^ (0x9e3779b97f4a7c15ull * (unsigned long long)(i + 1));
			pthread_create(&ws[i].t, NULL, worker_main, &ws[i]);
		}
		/* the unloader: rmmod at the chosen step, retried while in use */
		pthread_mutex_lock(&st_lock);
		while (step_counter < unload_at && workers_done < nthreads)
			pthread_cond_wait(&st_cond, &st_lock);
		pthread_mutex_unlock(&st_lock);
		for (int i = nloaded - 1; i >= first; i--) {
			struct loaded *l = &loaded[i];
			for (;;) {
				if (l->gone)
					break;
				int e = ms_rt_delete_module(l->m, 0);
				if (!e) {
					l->gone = 1;
					pthread_mutex_lock(&st_lock);
					long at = step_counter;
					pthread_mutex_unlock(&st_lock);
					say("stress: %s unloaded after step %ld", ms_rt_module_name(l->m), at);
					break;
				}
				if (e != -EWOULDBLOCK)
					break;
				pthread_mutex_lock(&st_lock);
				int done = workers_done == nthreads;
				pthread_mutex_unlock(&st_lock);
				if (done)
					break;
				usleep(200);
			}
		}
		for (int i = 0; i < nthreads; i++)
			pthread_join(ws[i].t, NULL);
		free(ws);
		final_unload();
	}
	return 0;
}

static void usage(FILE *o)
{
	fprintf(o,
		"usage: modsafe-run [options] MODULE.ko.so...\n"
		"Load kernel modules built with modsafe-modcc into the modsafe runtime shim, drive them,\n"
		"unload them like delete_module(2), and report module-safety findings.\n\n"
		"  -s, --scenario FILE   commands to run (default: load all, sleep 100ms, unload all)\n"
		"  -r, --report-dir DIR  write one JSON report per module (docs/report-format.md)\n"
		"      --time-scale X    jiffies and sleeps run X times faster (default 1)\n"
		"      --linger MS       after the last unload let MS (scaled) pass for late callbacks (default 1500)\n"
		"      --fail-alloc N    the Nth allocation fails (fault injection)\n"
		"      --soft-refs       Stern's soft references: module memory outlives rmmod until the last\n"
		"                        release of a kobject whose release method is module code\n"
		"      --stress          run the scenario on many threads, unload at a seeded random point\n"
		"      --threads N       stress threads (default 4)\n"
		"      --seed S          stress seed (default: from the clock; always printed)\n"
		"      --iterations K    stress iterations (default 1)\n"
		"  -q, --quiet           no diagnostics on stderr\n"
		"  -v, --verbose         print every file operation\n"
		"  -h, --help\n\n"
		"Exit status: 0 no finding, 1 findings, 2 usage or load error, 3 a scenario expectation failed.\n");
}

int main(int argc, char **argv)
{
	enum { O_TS = 256, O_LINGER, O_FAIL, O_SOFT, O_STRESS, O_THREADS, O_SEED, O_ITER };
	static const struct option lo[] = {
		{"scenario", 1, 0, 's'}, {"report-dir", 1, 0, 'r'}, {"time-scale", 1, 0, O_TS},
		{"linger", 1, 0, O_LINGER}, {"fail-alloc", 1, 0, O_FAIL}, {"soft-refs", 0, 0, O_SOFT},
		{"stress", 0, 0, O_STRESS}, {"threads", 1, 0, O_THREADS}, {"seed", 1, 0, O_SEED},
		{"iterations", 1, 0, O_ITER}, {"quiet", 0, 0, 'q'}, {"verbose", 0, 0, 'v'}, {"help", 0, 0, 'h'},
		{0, 0, 0, 0}};
	int c;
	while ((c = getopt_long(argc, argv, "s:r:qvh", lo, NULL)) != -1)
		switch (c) {
		case 's': scenario_path = optarg; break;
		case 'r': report_dir = optarg; break;
		case O_TS: time_scale = atof(optarg); break;
		case O_LINGER: linger_ms = atol(optarg); break;
		case O_FAIL: fail_alloc = atoi(optarg); break;
		case O_SOFT: soft_refs = 1; break;
		case O_STRESS: stress = 1; break;
		case O_THREADS: nthreads = atoi(optarg); break;
		case O_SEED: seed = strtoull(optarg, NULL, 0); seed_given = 1; break;
		case O_ITER: iterations = atoi(optarg); break;
		case 'q': quiet = 1; break;
		case 'v': verbose = 1; break;
		case 'h': usage(stdout); return 0;
		default: usage(stderr); return 2;
		}
	for (int i = optind; i < argc && nmods < 64; i++)
		mods[nmods++] = argv[i];
	if (!nmods || time_scale <= 0 || nthreads < 1 || nthreads > 256 || iterations < 1) {
		usage(stderr);
		return 2;
	}
	if (scenario_path && parse_scenario(scenario_path))
		return 2;
	if (!seed_given) {
		struct timespec ts;
		clock_gettime(CLOCK_REALTIME, &ts);
		seed = (unsigned long long)ts.tv_nsec ^ ((unsigned long long)ts.tv_sec << 20);
	}
	struct ms_rt_options o = {.time_scale = time_scale, .quiet = quiet, .verbose = verbose,
				  .soft_kobject_refs = soft_refs, .tool_version = MODSAFE_VERSION};
	ms_rt_init(&o);
	ms_rt_thread_enter("harness");
	if (fail_alloc)
		ms_rt_fail_alloc(fail_alloc);

	struct ctx x;
	memset(&x, 0, sizeof(x));
	x.who = "harness";
	int rc = 0;
	if (stress) {
		rc = run_stress();
	} else {
		int has_load = 0;
		for (int i = 0; i < ncmds; i++)
			has_load |= cmds[i].op == C_LOAD;
		if (!has_load)
			for (int i = 0; i < nmods; i++)
				if (do_load(mods[i]) == -ENOEXEC)
					rc = 2;
		if (!scenario_path) {
			sleep_scaled(100);
			for (int i = nloaded - 1; i >= 0; i--)
				if (!loaded[i].gone)
					do_unload(&loaded[i], 0);
		}
		for (int i = 0; i < ncmds && rc != 2; i++)
			exec_cmd(&x, &cmds[i]);
		close_all(&x);
		final_unload();
	}
	if (linger_ms > 0)
		sleep_scaled(linger_ms);
	for (int i = 0; i < ncmds; i++) {
		const struct cmd *cm = &cmds[i];
		if (cm->op == C_EXPECT_FINDING && ms_rt_finding_count(cm->arg) == 0) {
			fprintf(stderr, "modsafe-run: scenario line %d: expected a '%s' finding, got none\n", cm->line, cm->arg);
			x.failures++;
		}
		if (cm->op == C_EXPECT_NO_FINDING && ms_rt_finding_count(cm->arg[0] ? cm->arg : NULL) != 0) {
			fprintf(stderr, "modsafe-run: scenario line %d: expected no %s%sfinding\n", cm->line, cm->arg,
				cm->arg[0] ? " " : "");
			x.failures++;
		}
	}
	if (report_dir && ms_rt_write_reports(report_dir))
		fprintf(stderr, "modsafe-run: cannot write reports to %s\n", report_dir);
	int n = ms_rt_finding_count(NULL);
	if (stress)
		fprintf(stderr, "modsafe-run: stress: seed=%llu (replay with --seed %llu)\n", seed, seed);
	say("%d finding(s)", n);
	ms_rt_shutdown();
	if (rc)
		return rc;
	if (x.failures)
		return 3;
	return n ? 1 : 0;
}

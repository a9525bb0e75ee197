// SPDX-License-Identifier: GPL-2.0
/*
 * Overhead of the runtime shim's checked interface: a call into a module
 * through its file_operations the way the kernel's VFS makes it
 * (fops_get() = try_module_get(fops->owner), the call, fops_put() =
 * module_put()), against a plain indirect call of the same function; and
 * the whole harness path (ms_rt_read: the VFS call with its module pin and
 * fault recovery). Single-threaded, and the checked path on 2 threads
 * (the reference count and the get log are shared).
 *
 * Built as modsafe-rt-bench by runtime/CMakeLists.txt. Prints ns per call
 * and the ratio to the plain indirect call.
 *
 *   modsafe-rt-bench [ITERATIONS]     (default 2000000, best of 5 runs)
 */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "modsafe/rt.h"

/* fops_get()/fops_put() exactly as include/linux/fs.h of Linux 6.1 */
#define fops_get(fops) (((fops) && try_module_get((fops)->owner) ? (fops) : NULL))
#define fops_put(fops) do { if (fops) module_put((fops)->owner); } while (0)

static struct module bench_module;
static long sink;

__attribute__((noinline)) static __ms_ssize_t bench_read(struct file *f, char *buf, __ms_size_t n, __ms_loff_t *pos)
{
	__asm__ volatile("" ::: "memory");
	return (__ms_ssize_t)n;
}

static int bench_open(struct inode *i, struct file *f) { return 0; }

static const struct file_operations bench_fops = {
	.owner = &bench_module,
	.open = bench_open,
	.read = bench_read,
};
static struct miscdevice bench_misc = {.minor = 255, .name = "bench", .fops = &bench_fops};

static double now_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

static long iters = 2000000;
static const struct file_operations *volatile fops_ptr = &bench_fops;

static double run_plain(void)
{
	char buf[8];
	__ms_loff_t pos = 0;
	double t = now_ns();
	for (long i = 0; i < iters; i++) {
		const struct file_operations *f = fops_ptr;
		sink += f->read(NULL, buf, 1, &pos);
	}
	return (now_ns() - t) / (double)iters;
}

static double run_checked(void)
{
	char buf[8];
	__ms_loff_t pos = 0;
	double t = now_ns();
	for (long i = 0; i < iters; i++) {
		const struct file_operations *f = fops_get(fops_ptr);
		if (!f)
			abort();
		sink += f->read(NULL, buf, 1, &pos);
		fops_put(f);
	}
	return (now_ns() - t) / (double)iters;
}

static struct file *bench_file;
static double run_vfs(void)
{
	char buf[8];
	long n = iters / 4; /* the harness path is slower: fewer iterations */
	double t = now_ns();
	for (long i = 0; i < n; i++)
		sink += ms_rt_read(bench_file, buf, 1);
	return (now_ns() - t) / (double)n;
}

static void *checked_thread(void *a)
{
	ms_rt_thread_enter("bench");
	*(double *)a = run_checked();
	return NULL;
}

static double run_checked_2threads(void)
{
	pthread_t t[2];
	double r[2];
	for (int i = 0; i < 2; i++)
		pthread_create(&t[i], NULL, checked_thread, &r[i]);
	for (int i = 0; i < 2; i++)
		pthread_join(t[i], NULL);
	return (r[0] + r[1]) / 2;
}

static double best(double (*fn)(void))
{
	double b = 1e30;
	for (int k = 0; k < 5; k++) {
		double v = fn();
		if (v < b)
			b = v;
	}
	return b;
}

int main(int argc, char **argv)
{
	if (argc > 1)
		iters = atol(argv[1]);
	if (iters < 1000)
		iters = 1000;
	struct ms_rt_options o = {.time_scale = 1.0, .quiet = 1};
	ms_rt_init(&o);
	ms_rt_thread_enter("bench");
	ms_rt_register_static_module(&bench_module, "bench");
	if (misc_register(&bench_misc) || ms_rt_open("/dev/bench", 0, &bench_file)) {
		fprintf(stderr, "bench: cannot set up /dev/bench\n");
		return 1;
	}
	double plain = best(run_plain);
	double checked = best(run_checked);
	double checked2 = best(run_checked_2threads);
	double vfs = best(run_vfs);
	printf("modsafe runtime overhead, %ld calls (best of 5)\n", iters);
	printf("  plain indirect call                      %7.2f ns/call   1.00x\n", plain);
	printf("  fops_get + call + fops_put (checked)     %7.2f ns/call  %5.2fx\n", checked, checked / plain);
	printf("  checked, 2 threads on one module         %7.2f ns/call  %5.2fx\n", checked2, checked2 / plain);
	printf("  harness VFS read (pin, fault recovery)   %7.2f ns/call  %5.2fx\n", vfs, vfs / plain);
	printf("ratio checked/plain: %.2f\n", checked / plain);
	ms_rt_close(bench_file);
	misc_deregister(&bench_misc);
	ms_rt_shutdown();
	return sink == 42 ? 2 : 0;
}

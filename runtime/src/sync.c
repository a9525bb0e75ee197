// SPDX-License-Identifier: GPL-2.0
/*
 * Locks, wait queues, completions and sleeping. Spinlocks are real
 * spinlocks (C11 atomics, acquire/release) that put the caller in an
 * atomic region; every primitive that may sleep first checks the caller's
 * context (sleep-in-atomic, sleep-in-callback).
 */
#include "internal.h"

#include <errno.h>
#include <limits.h>
#include <sched.h>
#include <time.h>

_Static_assert(sizeof(struct ms_pmutex) == sizeof(pthread_mutex_t), "pthread_mutex_t size");
_Static_assert(sizeof(struct ms_pcond) == sizeof(pthread_cond_t), "pthread_cond_t size");
_Static_assert(sizeof(struct rw_semaphore) == sizeof(pthread_rwlock_t), "pthread_rwlock_t size");

#define PM(x) ((pthread_mutex_t *)(void *)&(x)->ms_m)
#define PC(x) ((pthread_cond_t *)(void *)&(x)->ms_c)

static int kind_region(int kind)
{
	return kind == 1 ? MS_R_SPIN_BH : kind >= 2 ? MS_R_SPIN_IRQ : MS_R_SPIN;
}

static void deadlock(const char *what, const char *name, uintptr_t pc)
{
	char b[600];
	ms_describe_pc(pc, 1, b, sizeof(b));
	fprintf(stderr, "modsafe-run: BUG: %s recursion on '%s' (would deadlock) at %s\n", what, name ? name : "?", b);
	abort();
}

/* ---- spinlocks ---- */
void __ms_spin_lock_init(raw_spinlock_t *lock, const char *name)
{
	__atomic_store_n(&lock->ms_locked, 0, __ATOMIC_RELEASE);
	lock->ms_owner = 0;
	lock->ms_name = name;
}

static void spin_acquire(raw_spinlock_t *l, uintptr_t pc)
{
	int me = ms_gettid();
	if (__atomic_load_n(&l->ms_owner, __ATOMIC_RELAXED) == me)
		deadlock("spinlock", l->ms_name, pc);
	for (unsigned spins = 0;; spins++) {
		int exp = 0;
		if (__atomic_compare_exchange_n(&l->ms_locked, &exp, 1, 0, __ATOMIC_ACQUIRE, __ATOMIC_RELAXED))
			break;
		if (spins > 64)
			sched_yield();
	}
	__atomic_store_n(&l->ms_owner, me, __ATOMIC_RELAXED);
}

static void spin_release(raw_spinlock_t *l)
{
	__atomic_store_n(&l->ms_owner, 0, __ATOMIC_RELAXED);
	__atomic_store_n(&l->ms_locked, 0, __ATOMIC_RELEASE);
}

static void spin_lock_at(raw_spinlock_t *lock, int kind, uintptr_t pc)
{
	ms_region_enter(kind_region(kind), pc, lock);
	spin_acquire(lock, pc);
}

void __ms_spin_lock(raw_spinlock_t *lock, int kind) { spin_lock_at(lock, kind, MS_RET_PC()); }

int __ms_spin_trylock(raw_spinlock_t *lock, int kind)
{
	int exp = 0;
	ms_region_enter(kind_region(kind), MS_RET_PC(), lock);
	if (__atomic_compare_exchange_n(&lock->ms_locked, &exp, 1, 0, __ATOMIC_ACQUIRE, __ATOMIC_RELAXED)) {
		__atomic_store_n(&lock->ms_owner, ms_gettid(), __ATOMIC_RELAXED);
		return 1;
	}
	ms_region_leave(kind_region(kind), lock);
	return 0;
}

void __ms_spin_unlock(raw_spinlock_t *lock, int kind)
{
	spin_release(lock);
	ms_region_leave(kind_region(kind), lock);
}

unsigned long __ms_spin_lock_irqsave(raw_spinlock_t *lock)
{
	unsigned long f = ms_t.irqoff > 0;
	spin_lock_at(lock, 3, MS_RET_PC());
	return f;
}

void __ms_spin_unlock_irqrestore(raw_spinlock_t *lock, unsigned long flags)
{
	(void)flags;
	__ms_spin_unlock(lock, 3);
}

int __ms_spin_trylock_irqsave(raw_spinlock_t *lock, unsigned long *flags)
{
	*flags = ms_t.irqoff > 0;
	return __ms_spin_trylock(lock, 3);
}

int __ms_spin_is_locked(raw_spinlock_t *lock) { return __atomic_load_n(&lock->ms_locked, __ATOMIC_RELAXED); }

/* ---- rwlocks: ms_state -1 writer, n > 0 readers ---- */
static void rw_read(rwlock_t *l)
{
	for (unsigned spins = 0;; spins++) {
		int c = __atomic_load_n(&l->ms_state, __ATOMIC_RELAXED);
		if (c >= 0 && __atomic_compare_exchange_n(&l->ms_state, &c, c + 1, 0, __ATOMIC_ACQUIRE, __ATOMIC_RELAXED))
			return;
		if (spins > 64)
			sched_yield();
	}
}
static void rw_write(rwlock_t *l, uintptr_t pc)
{
	int me = ms_gettid();
	if (__atomic_load_n(&l->ms_owner, __ATOMIC_RELAXED) == me)
		deadlock("rwlock", l->ms_name, pc);
	for (unsigned spins = 0;; spins++) {
		int c = 0;
		if (__atomic_compare_exchange_n(&l->ms_state, &c, -1, 0, __ATOMIC_ACQUIRE, __ATOMIC_RELAXED))
			break;
		if (spins > 64)
			sched_yield();
	}
	__atomic_store_n(&l->ms_owner, me, __ATOMIC_RELAXED);
}
void __ms_read_lock(rwlock_t *lock, int kind)
{
	ms_region_enter(kind == 1 ? MS_R_SPIN_BH : kind >= 2 ? MS_R_SPIN_IRQ : MS_R_READ, MS_RET_PC(), lock);
	rw_read(lock);
}
void __ms_read_unlock(rwlock_t *lock, int kind)
{
	__atomic_sub_fetch(&lock->ms_state, 1, __ATOMIC_RELEASE);
	ms_region_leave(kind == 1 ? MS_R_SPIN_BH : kind >= 2 ? MS_R_SPIN_IRQ : MS_R_READ, lock);
}
void __ms_write_lock(rwlock_t *lock, int kind)
{
	uintptr_t pc = MS_RET_PC();
	ms_region_enter(kind == 1 ? MS_R_SPIN_BH : kind >= 2 ? MS_R_SPIN_IRQ : MS_R_WRITE, pc, lock);
	rw_write(lock, pc);
}
void __ms_write_unlock(rwlock_t *lock, int kind)
{
	__atomic_store_n(&lock->ms_owner, 0, __ATOMIC_RELAXED);
	__atomic_store_n(&lock->ms_state, 0, __ATOMIC_RELEASE);
	ms_region_leave(kind == 1 ? MS_R_SPIN_BH : kind >= 2 ? MS_R_SPIN_IRQ : MS_R_WRITE, lock);
}
unsigned long __ms_read_lock_irqsave(rwlock_t *lock)
{
	unsigned long f = ms_t.irqoff > 0;
	ms_region_enter(MS_R_SPIN_IRQ, MS_RET_PC(), lock);
	rw_read(lock);
	return f;
}
void __ms_read_unlock_irqrestore(rwlock_t *lock, unsigned long flags)
{
	(void)flags;
	__ms_read_unlock(lock, 3);
}
unsigned long __ms_write_lock_irqsave(rwlock_t *lock)
{
	unsigned long f = ms_t.irqoff > 0;
	uintptr_t pc = MS_RET_PC();
	ms_region_enter(MS_R_SPIN_IRQ, pc, lock);
	rw_write(lock, pc);
	return f;
}
void __ms_write_unlock_irqrestore(rwlock_t *lock, unsigned long flags)
{
	(void)flags;
	__ms_write_unlock(lock, 3);
}

/* ---- mutexes ---- */
void __ms_mutex_init(struct mutex *lock, const char *name)
{
	pthread_mutex_init(PM(lock), NULL);
	lock->ms_owner = 0;
	lock->ms_name = name;
}

static void mutex_lock_at(struct mutex *lock, uintptr_t pc, const char *what)
{
	ms_check_sleep(what, pc);
	if (__atomic_load_n(&lock->ms_owner, __ATOMIC_RELAXED) == ms_gettid())
		deadlock("mutex", lock->ms_name, pc);
	pthread_mutex_lock(PM(lock));
	__atomic_store_n(&lock->ms_owner, ms_gettid(), __ATOMIC_RELAXED);
}

void mutex_lock(struct mutex *lock) { mutex_lock_at(lock, MS_RET_PC(), "mutex_lock"); }
int mutex_lock_interruptible(struct mutex *lock)
{
	mutex_lock_at(lock, MS_RET_PC(), "mutex_lock_interruptible");
	return 0;
}
int mutex_lock_killable(struct mutex *lock)
{
	mutex_lock_at(lock, MS_RET_PC(), "mutex_lock_killable");
	return 0;
}
int mutex_trylock(struct mutex *lock)
{
	if (pthread_mutex_trylock(PM(lock)) != 0)
		return 0;
	__atomic_store_n(&lock->ms_owner, ms_gettid(), __ATOMIC_RELAXED);
	return 1;
}
void mutex_unlock(struct mutex *lock)
{
	__atomic_store_n(&lock->ms_owner, 0, __ATOMIC_RELAXED);
	pthread_mutex_unlock(PM(lock));
}
_Bool mutex_is_locked(struct mutex *lock) { return __atomic_load_n(&lock->ms_owner, __ATOMIC_RELAXED) != 0; }

/* ---- semaphores ---- */
void __ms_sema_init(struct semaphore *sem, int val)
{
	pthread_mutex_init(PM(sem), NULL);
	pthread_cond_init(PC(sem), NULL);
	sem->count = val;
}
static void down_at(struct semaphore *sem, uintptr_t pc, const char *what)
{
	ms_check_sleep(what, pc);
	pthread_mutex_lock(PM(sem));
	while (sem->count <= 0)
		pthread_cond_wait(PC(sem), PM(sem));
	sem->count--;
	pthread_mutex_unlock(PM(sem));
}
void down(struct semaphore *sem) { down_at(sem, MS_RET_PC(), "down"); }
int down_interruptible(struct semaphore *sem)
{
	down_at(sem, MS_RET_PC(), "down_interruptible");
	return 0;
}
int down_killable(struct semaphore *sem)
{
	down_at(sem, MS_RET_PC(), "down_killable");
	return 0;
}
int down_trylock(struct semaphore *sem)
{
	int got = 0;
	pthread_mutex_lock(PM(sem));
	if (sem->count > 0) {
		sem->count--;
		got = 1;
	}
	pthread_mutex_unlock(PM(sem));
	return !got;
}
void up(struct semaphore *sem)
{
	pthread_mutex_lock(PM(sem));
	sem->count++;
	pthread_cond_signal(PC(sem));
	pthread_mutex_unlock(PM(sem));
}

/* ---- rw semaphores ---- */
#define RW(x) ((pthread_rwlock_t *)(void *)(x))
void __ms_init_rwsem(struct rw_semaphore *sem) { pthread_rwlock_init(RW(sem), NULL); }
void down_read(struct rw_semaphore *sem)
{
	ms_check_sleep("down_read", MS_RET_PC());
	pthread_rwlock_rdlock(RW(sem));
}
int down_read_trylock(struct rw_semaphore *sem) { return pthread_rwlock_tryrdlock(RW(sem)) == 0; }
int down_read_killable(struct rw_semaphore *sem)
{
	ms_check_sleep("down_read_killable", MS_RET_PC());
	pthread_rwlock_rdlock(RW(sem));
	return 0;
}
void up_read(struct rw_semaphore *sem) { pthread_rwlock_unlock(RW(sem)); }
void down_write(struct rw_semaphore *sem)
{
	ms_check_sleep("down_write", MS_RET_PC());
	pthread_rwlock_wrlock(RW(sem));
}
int down_write_trylock(struct rw_semaphore *sem) { return pthread_rwlock_trywrlock(RW(sem)) == 0; }
int down_write_killable(struct rw_semaphore *sem)
{
	ms_check_sleep("down_write_killable", MS_RET_PC());
	pthread_rwlock_wrlock(RW(sem));
	return 0;
}
void up_write(struct rw_semaphore *sem) { pthread_rwlock_unlock(RW(sem)); }
void downgrade_write(struct rw_semaphore *sem)
{
	pthread_rwlock_unlock(RW(sem));
	pthread_rwlock_rdlock(RW(sem));
}

/* ---- wait queues ---- */
void __ms_init_waitqueue_head(struct wait_queue_head *wq)
{
	pthread_mutex_init(PM(wq), NULL);
	pthread_cond_init(PC(wq), NULL);
	wq->ms_seq = 0;
	wq->head.next = wq->head.prev = &wq->head;
}

void __ms_wake_up(struct wait_queue_head *wq)
{
	pthread_mutex_lock(PM(wq));
	wq->ms_seq++;
	pthread_cond_broadcast(PC(wq));
	pthread_mutex_unlock(PM(wq));
}

unsigned long __ms_wq_prepare(struct wait_queue_head *wq)
{
	pthread_mutex_lock(PM(wq));
	unsigned long s = wq->ms_seq;
	pthread_mutex_unlock(PM(wq));
	return s;
}

void ms_task_set_waiting(struct wait_queue_head *wq);
long __ms_wq_wait(struct wait_queue_head *wq, unsigned long seq, long timeout, int interruptible)
{
	uint64_t deadline = timeout >= LONG_MAX ? UINT64_MAX : ms_virt_ns() + ms_jiffies_to_ns(timeout);
	ms_task_set_waiting(wq);
	pthread_mutex_lock(PM(wq));
	while (wq->ms_seq == seq && (deadline == UINT64_MAX || ms_virt_ns() < deadline))
		ms_cond_wait_virt(PC(wq), PM(wq), deadline);
	pthread_mutex_unlock(PM(wq));
	ms_task_set_waiting(NULL);
	(void)interruptible;
	if (deadline == UINT64_MAX)
		return timeout;
	uint64_t now = ms_virt_ns();
	if (now >= deadline)
		return 0;
	long left = (long)((deadline - now) / (1000000000ull / 250));
	return left > 0 ? left : 1;
}

/* ---- completions ---- */
#define DONE_ALL (UINT_MAX / 2)
void __ms_init_completion(struct completion *x)
{
	x->done = 0;
	__ms_init_waitqueue_head(&x->wait);
}
void complete(struct completion *x)
{
	pthread_mutex_lock(PM(&x->wait));
	if (x->done != DONE_ALL)
		x->done++;
	x->wait.ms_seq++;
	pthread_cond_broadcast(PC(&x->wait));
	pthread_mutex_unlock(PM(&x->wait));
}
void complete_all(struct completion *x)
{
	pthread_mutex_lock(PM(&x->wait));
	x->done = DONE_ALL;
	x->wait.ms_seq++;
	pthread_cond_broadcast(PC(&x->wait));
	pthread_mutex_unlock(PM(&x->wait));
}
static long wait_comp(struct completion *x, long timeout)
{
	uint64_t deadline = timeout >= LONG_MAX ? UINT64_MAX : ms_virt_ns() + ms_jiffies_to_ns(timeout);
	long ret = timeout;
	pthread_mutex_lock(PM(&x->wait));
	while (!x->done) {
		if (deadline != UINT64_MAX && ms_virt_ns() >= deadline)
			break;
		ms_cond_wait_virt(PC(&x->wait), PM(&x->wait), deadline);
	}
	if (x->done) {
		if (x->done != DONE_ALL)
			x->done--;
		if (deadline != UINT64_MAX) {
			uint64_t now = ms_virt_ns();
			ret = now >= deadline ? 1 : (long)((deadline - now) / (1000000000ull / 250)) + 1;
		}
	} else
		ret = 0;
	pthread_mutex_unlock(PM(&x->wait));
	return ret;
}
void wait_for_completion(struct completion *x)
{
	ms_check_sleep("wait_for_completion", MS_RET_PC());
	wait_comp(x, LONG_MAX);
}
unsigned long wait_for_completion_timeout(struct completion *x, unsigned long timeout)
{
	ms_check_sleep("wait_for_completion_timeout", MS_RET_PC());
	return (unsigned long)wait_comp(x, (long)timeout);
}
int wait_for_completion_interruptible(struct completion *x)
{
	ms_check_sleep("wait_for_completion_interruptible", MS_RET_PC());
	wait_comp(x, LONG_MAX);
	return 0;
}
long wait_for_completion_interruptible_timeout(struct completion *x, unsigned long timeout)
{
	ms_check_sleep("wait_for_completion_interruptible_timeout", MS_RET_PC());
	return wait_comp(x, (long)timeout);
}
int wait_for_completion_killable(struct completion *x)
{
	ms_check_sleep("wait_for_completion_killable", MS_RET_PC());
	wait_comp(x, LONG_MAX);
	return 0;
}
_Bool try_wait_for_completion(struct completion *x)
{
	int ok = 0;
	pthread_mutex_lock(PM(&x->wait));
	if (x->done) {
		if (x->done != DONE_ALL)
			x->done--;
		ok = 1;
	}
	pthread_mutex_unlock(PM(&x->wait));
	return ok;
}
_Bool completion_done(struct completion *x)
{
	pthread_mutex_lock(PM(&x->wait));
	int d = x->done != 0;
	pthread_mutex_unlock(PM(&x->wait));
	return d;
}

/* ---- sleeping ---- */
long ms_task_sleep(long timeout, int check_state);
void msleep(unsigned int msecs)
{
	ms_check_sleep("msleep", MS_RET_PC());
	ms_sleep_virt_ns((uint64_t)msecs * 1000000ull);
}
unsigned long msleep_interruptible(unsigned int msecs)
{
	ms_check_sleep("msleep_interruptible", MS_RET_PC());
	ms_sleep_virt_ns((uint64_t)msecs * 1000000ull);
	return 0;
}
void usleep_range(unsigned long min, unsigned long max)
{
	(void)max;
	ms_check_sleep("usleep_range", MS_RET_PC());
	ms_sleep_virt_ns((uint64_t)min * 1000ull);
}
void __ms_udelay(unsigned long usecs)
{
	/* a busy wait: allowed in atomic context */
	ms_sleep_virt_ns((uint64_t)usecs * 1000ull);
}
void schedule(void)
{
	ms_check_sleep("schedule", MS_RET_PC());
	ms_task_sleep(LONG_MAX, 1);
}
long schedule_timeout(long timeout)
{
	ms_check_sleep("schedule_timeout", MS_RET_PC());
	return ms_task_sleep(timeout, 1);
}
long schedule_timeout_interruptible(long timeout)
{
	ms_check_sleep("schedule_timeout_interruptible", MS_RET_PC());
	__ms_get_current()->__state = 1;
	return ms_task_sleep(timeout, 1);
}
long schedule_timeout_uninterruptible(long timeout)
{
	ms_check_sleep("schedule_timeout_uninterruptible", MS_RET_PC());
	__ms_get_current()->__state = 2;
	return ms_task_sleep(timeout, 0);
}
long schedule_timeout_killable(long timeout)
{
	ms_check_sleep("schedule_timeout_killable", MS_RET_PC());
	__ms_get_current()->__state = 2;
	return ms_task_sleep(timeout, 1);
}

/* SPDX-License-Identifier: GPL-2.0 */
/*
 * modsafe runtime shim: the binary interface shared by module code (through
 * the kernel-compatible headers in include/linux/) and the runtime library
 * (libmodsafe-rt, built against libc).
 *
 * Only builtin C types are used here, so this header can be included both
 * by freestanding module code (-nostdinc) and by the library next to libc's
 * headers. The kernel-compatible headers add the kernel's typedefs, macros
 * and inline functions on top; every structure a module may define
 * statically (timer_list, work_struct, file_operations, spinlock_t, mutex …)
 * is laid out here.
 *
 * Fields named ms_* belong to the runtime; module code must not use them.
 */
#ifndef MODSAFE_KABI_H
#define MODSAFE_KABI_H

typedef __SIZE_TYPE__ __ms_size_t;
typedef long __ms_ssize_t;
typedef long long __ms_loff_t;
typedef unsigned int __ms_gfp_t;
typedef unsigned int __ms_dev_t;
typedef unsigned short __ms_umode_t;

#define __MS_RET_IP ((unsigned long)__builtin_return_address(0))
#define __ms_notrace __attribute__((no_instrument_function))

/* ---- lists, atomics ---------------------------------------------------- */
struct list_head { struct list_head *next, *prev; };
struct hlist_node { struct hlist_node *next, **pprev; };
struct hlist_head { struct hlist_node *first; };
typedef struct { int counter; } atomic_t;
typedef struct { long counter; } atomic_long_t;
typedef struct { long long counter; } atomic64_t;
typedef struct refcount_struct { atomic_t refs; } refcount_t;

/* ---- modules ----------------------------------------------------------- */
enum module_state {
	MODULE_STATE_LIVE,	/* Normal state. */
	MODULE_STATE_COMING,	/* Full formed, running module_init. */
	MODULE_STATE_GOING,	/* Going away. */
	MODULE_STATE_UNFORMED,	/* Still setting it up. */
};

#define MODULE_NAME_LEN 56
struct ms_mod;
/* One per module, defined by the generated <module>.mod.c as __this_module
 * (as modpost does); THIS_MODULE is its address. The runtime keeps the
 * authoritative state and reference count in its own memory, so that a
 * stale struct module pointer to freed module memory is detected rather
 * than read. */
struct module {
	enum module_state state;	/* mirror, written by the runtime while mapped */
	char name[MODULE_NAME_LEN];
	int (*init)(void);
	void (*exit)(void);
	const char *ms_main_file;	/* first source file, as compiled */
	const char *ms_workdir;		/* the build's working directory */
	struct ms_mod *ms_rt;		/* the runtime's record (informational) */
};

/* ---- locks ------------------------------------------------------------- */
typedef struct raw_spinlock {
	int ms_locked;
	int ms_owner;		/* thread id of the holder */
	const char *ms_name;
} raw_spinlock_t;
typedef struct spinlock { struct raw_spinlock rlock; } spinlock_t;
typedef struct { int ms_state; int ms_owner; const char *ms_name; } rwlock_t; /* -1 writer, n readers */

/* Storage for a glibc pthread_mutex_t / pthread_cond_t (all-zero is the
 * static initializer for both); the runtime checks the sizes. */
struct ms_pmutex { unsigned long ms_w[5]; };
struct ms_pcond { unsigned long ms_w[6]; };

struct mutex {
	struct ms_pmutex ms_m;
	int ms_owner;		/* thread id of the holder, 0 when free */
	const char *ms_name;
};

struct wait_queue_head {
	struct ms_pmutex ms_m;
	struct ms_pcond ms_c;
	unsigned long ms_seq;	/* incremented by every wake-up */
	struct list_head head;	/* unused, kept for code that looks at it */
};
typedef struct wait_queue_head wait_queue_head_t;

struct completion {
	unsigned int done;
	struct wait_queue_head wait;
};

struct semaphore {
	struct ms_pmutex ms_m;
	struct ms_pcond ms_c;
	int count;
};

struct rw_semaphore { unsigned long ms_w[7]; };	/* a pthread_rwlock_t */

/* ---- timers ------------------------------------------------------------ */
struct timer_list {
	struct hlist_node entry;
	unsigned long expires;
	void (*function)(struct timer_list *);
	unsigned int flags;
	int ms_pending;			/* written under the timer base lock */
	int ms_shutdown;		/* timer_shutdown*() was called */
	unsigned long ms_setup_pc;	/* timer_setup() call site */
};

/* ---- workqueues -------------------------------------------------------- */
struct work_struct;
struct workqueue_struct;
typedef void (*work_func_t)(struct work_struct *work);
struct work_struct {
	atomic_long_t data;		/* bit 0: pending */
	struct list_head entry;
	work_func_t func;
	unsigned long ms_setup_pc;	/* INIT_WORK() call site */
};
struct delayed_work {
	struct work_struct work;
	struct timer_list timer;
	struct workqueue_struct *wq;
	int cpu;
};

/* ---- tasklets ---------------------------------------------------------- */
struct tasklet_struct {
	struct tasklet_struct *next;
	unsigned long state;
	atomic_t count;
	_Bool use_callback;
	union {
		void (*func)(unsigned long data);
		void (*callback)(struct tasklet_struct *t);
	};
	unsigned long data;
};

/* ---- RCU --------------------------------------------------------------- */
struct callback_head {
	struct callback_head *next;
	void (*func)(struct callback_head *head);
};

/* ---- tasks ------------------------------------------------------------- */
struct ms_task;
struct task_struct {
	volatile long __state;
	int pid;
	char comm[16];
	int flags;
	struct ms_task *ms_rt;
};

/* ---- kref / kobject ---------------------------------------------------- */
struct kref { refcount_t refcount; };
struct kobject;
struct attribute;
struct sysfs_ops;
struct kobj_type {
	void (*release)(struct kobject *kobj);
	const struct sysfs_ops *sysfs_ops;
	const struct attribute_group **default_groups;
};
struct kset;
struct kobject {
	const char *name;
	struct list_head entry;
	struct kobject *parent;
	struct kset *kset;
	const struct kobj_type *ktype;
	void *sd;
	struct kref kref;
	unsigned int state_initialized:1;
	unsigned int state_in_sysfs:1;
	unsigned long ms_init_pc;	/* kobject_init*() call site */
};

/* ---- devices, files ---------------------------------------------------- */
struct class {
	const char *name;
	struct module *owner;
};
struct device {
	struct device *parent;
	void *driver_data;
	const char *init_name;
	struct kobject kobj;
	__ms_dev_t devt;
	struct class *class;
	void (*release)(struct device *dev);
	char ms_name[64];
};

struct file;
struct inode;
struct poll_table_struct;
struct kiocb;
struct iov_iter;
struct vm_area_struct;
struct dir_context;
struct file_lock;
struct pipe_inode_info;
struct seq_file;
struct io_uring_cmd;
struct io_comp_batch;
typedef void *fl_owner_t;
typedef unsigned int __ms_poll_t;

/* Member for member in the order of Linux 6.1. */
struct file_operations {
	struct module *owner;
	__ms_loff_t (*llseek)(struct file *, __ms_loff_t, int);
	__ms_ssize_t (*read)(struct file *, char *, __ms_size_t, __ms_loff_t *);
	__ms_ssize_t (*write)(struct file *, const char *, __ms_size_t, __ms_loff_t *);
	__ms_ssize_t (*read_iter)(struct kiocb *, struct iov_iter *);
	__ms_ssize_t (*write_iter)(struct kiocb *, struct iov_iter *);
	int (*iopoll)(struct kiocb *kiocb, struct io_comp_batch *, unsigned int flags);
	int (*iterate)(struct file *, struct dir_context *);
	int (*iterate_shared)(struct file *, struct dir_context *);
	__ms_poll_t (*poll)(struct file *, struct poll_table_struct *);
	long (*unlocked_ioctl)(struct file *, unsigned int, unsigned long);
	long (*compat_ioctl)(struct file *, unsigned int, unsigned long);
	int (*mmap)(struct file *, struct vm_area_struct *);
	unsigned long mmap_supported_flags;
	int (*open)(struct inode *, struct file *);
	int (*flush)(struct file *, fl_owner_t id);
	int (*release)(struct inode *, struct file *);
	int (*fsync)(struct file *, __ms_loff_t, __ms_loff_t, int datasync);
	int (*fasync)(int, struct file *, int);
	int (*lock)(struct file *, int, struct file_lock *);
	__ms_ssize_t (*sendpage)(struct file *, void *, int, __ms_size_t, __ms_loff_t *, int);
	unsigned long (*get_unmapped_area)(struct file *, unsigned long, unsigned long, unsigned long, unsigned long);
	int (*check_flags)(int);
	int (*flock)(struct file *, int, struct file_lock *);
	__ms_ssize_t (*splice_write)(struct pipe_inode_info *, struct file *, __ms_loff_t *, __ms_size_t, unsigned int);
	__ms_ssize_t (*splice_read)(struct file *, __ms_loff_t *, struct pipe_inode_info *, __ms_size_t, unsigned int);
	int (*setlease)(struct file *, long, struct file_lock **, void **);
	long (*fallocate)(struct file *file, int mode, __ms_loff_t offset, __ms_loff_t len);
	void (*show_fdinfo)(struct seq_file *m, struct file *f);
	__ms_ssize_t (*copy_file_range)(struct file *, __ms_loff_t, struct file *, __ms_loff_t, __ms_size_t, unsigned int);
	__ms_loff_t (*remap_file_range)(struct file *file_in, __ms_loff_t pos_in, struct file *file_out, __ms_loff_t pos_out, __ms_loff_t len, unsigned int remap_flags);
	int (*fadvise)(struct file *, __ms_loff_t, __ms_loff_t, int);
	int (*uring_cmd)(struct io_uring_cmd *ioucmd, unsigned int issue_flags);
	int (*uring_cmd_iopoll)(struct io_uring_cmd *, struct io_comp_batch *, unsigned int poll_flags);
};

struct cdev {
	struct kobject kobj;
	struct module *owner;
	const struct file_operations *ops;
	struct list_head list;
	__ms_dev_t dev;
	unsigned int count;
};

struct inode {
	__ms_umode_t i_mode;
	__ms_dev_t i_rdev;
	__ms_loff_t i_size;
	const struct file_operations *i_fop;
	struct cdev *i_cdev;
	void *i_private;
};

struct path { void *mnt; void *dentry; };
struct file {
	struct path f_path;
	struct inode *f_inode;
	const struct file_operations *f_op;
	unsigned int f_flags;
	unsigned int f_mode;
	__ms_loff_t f_pos;
	void *private_data;
	unsigned long ms_id;		/* the harness's file number */
};

struct attribute_group;
struct miscdevice {
	int minor;
	const char *name;
	const struct file_operations *fops;
	struct list_head list;
	struct device *parent;
	struct device *this_device;
	const struct attribute_group **groups;
	const char *nodename;
	__ms_umode_t mode;
};

/* ---- notifiers, power-off hooks ---------------------------------------- */
struct notifier_block;
typedef int (*notifier_fn_t)(struct notifier_block *nb, unsigned long action, void *data);
struct notifier_block {
	notifier_fn_t notifier_call;
	struct notifier_block *next;
	int priority;
};
struct atomic_notifier_head { struct notifier_block *head; int ms_kind; };
struct blocking_notifier_head { struct notifier_block *head; int ms_kind; };
struct raw_notifier_head { struct notifier_block *head; int ms_kind; };

struct sys_off_handler;
struct sys_off_data {
	int mode;
	void *cb_data;
	const char *cmd;
	struct device *dev;
};

/* ---- interrupts -------------------------------------------------------- */
typedef enum irqreturn { IRQ_NONE = 0, IRQ_HANDLED = 1, IRQ_WAKE_THREAD = 2 } irqreturn_t;
typedef irqreturn_t (*irq_handler_t)(int, void *);

/* ---- the library's entry points ---------------------------------------- */
/* module references (kernel/module/main.c semantics) */
_Bool try_module_get(struct module *module);
void module_put(struct module *module);
void __module_get(struct module *module);
int module_refcount(struct module *mod);
_Bool __ms_module_is_live(struct module *mod);
void __module_put_and_kthread_exit(struct module *mod, long code) __attribute__((noreturn));
int __try_module_get_soft(struct module *mod);
void __module_put_soft(struct module *mod);
void __module_put_soft_and_exit(struct module *mod, long code) __attribute__((noreturn));

/* execution context */
void __ms_preempt_disable(void);
void __ms_preempt_enable(void);
void __ms_local_irq_disable(void);
void __ms_local_irq_enable(void);
unsigned long __ms_local_irq_save(void);
void __ms_local_irq_restore(unsigned long flags);
void __ms_local_bh_disable(void);
void __ms_local_bh_enable(void);
int __ms_in_atomic(void);
int __ms_in_interrupt(void);
int __ms_in_hardirq(void);
int __ms_in_softirq(void);
int __ms_irqs_disabled(void);
void __ms_might_sleep(const char *what);
void __ms_cond_resched(void);
int __ms_cpu_id(void);

/* spinlocks and rwlocks: kind 0 plain, 1 _bh, 2 _irq, 3 _irqsave */
void __ms_spin_lock_init(raw_spinlock_t *lock, const char *name);
void __ms_spin_lock(raw_spinlock_t *lock, int kind);
int __ms_spin_trylock(raw_spinlock_t *lock, int kind);
void __ms_spin_unlock(raw_spinlock_t *lock, int kind);
unsigned long __ms_spin_lock_irqsave(raw_spinlock_t *lock);
void __ms_spin_unlock_irqrestore(raw_spinlock_t *lock, unsigned long flags);
int __ms_spin_trylock_irqsave(raw_spinlock_t *lock, unsigned long *flags);
unsigned long __ms_read_lock_irqsave(rwlock_t *lock);
void __ms_read_unlock_irqrestore(rwlock_t *lock, unsigned long flags);
unsigned long __ms_write_lock_irqsave(rwlock_t *lock);
void __ms_write_unlock_irqrestore(rwlock_t *lock, unsigned long flags);
int __ms_spin_is_locked(raw_spinlock_t *lock);
void __ms_read_lock(rwlock_t *lock, int kind);
void __ms_read_unlock(rwlock_t *lock, int kind);
void __ms_write_lock(rwlock_t *lock, int kind);
void __ms_write_unlock(rwlock_t *lock, int kind);

/* sleeping locks, completions, wait queues */
void __ms_mutex_init(struct mutex *lock, const char *name);
void mutex_lock(struct mutex *lock);
int mutex_lock_interruptible(struct mutex *lock);
int mutex_lock_killable(struct mutex *lock);
int mutex_trylock(struct mutex *lock);
void mutex_unlock(struct mutex *lock);
_Bool mutex_is_locked(struct mutex *lock);
void __ms_sema_init(struct semaphore *sem, int val);
void down(struct semaphore *sem);
int down_interruptible(struct semaphore *sem);
int down_killable(struct semaphore *sem);
int down_trylock(struct semaphore *sem);
void up(struct semaphore *sem);
void __ms_init_rwsem(struct rw_semaphore *sem);
void down_read(struct rw_semaphore *sem);
int down_read_trylock(struct rw_semaphore *sem);
int down_read_killable(struct rw_semaphore *sem);
void up_read(struct rw_semaphore *sem);
void down_write(struct rw_semaphore *sem);
int down_write_trylock(struct rw_semaphore *sem);
int down_write_killable(struct rw_semaphore *sem);
void up_write(struct rw_semaphore *sem);
void downgrade_write(struct rw_semaphore *sem);
void __ms_init_waitqueue_head(struct wait_queue_head *wq);
void __ms_wake_up(struct wait_queue_head *wq);
unsigned long __ms_wq_prepare(struct wait_queue_head *wq);
long __ms_wq_wait(struct wait_queue_head *wq, unsigned long seq, long timeout, int interruptible);
void __ms_init_completion(struct completion *x);
void complete(struct completion *x);
void complete_all(struct completion *x);
void wait_for_completion(struct completion *x);
unsigned long wait_for_completion_timeout(struct completion *x, unsigned long timeout);
int wait_for_completion_interruptible(struct completion *x);
long wait_for_completion_interruptible_timeout(struct completion *x, unsigned long timeout);
int wait_for_completion_killable(struct completion *x);
_Bool try_wait_for_completion(struct completion *x);
_Bool completion_done(struct completion *x);

/* time and sleeping */
unsigned long __ms_jiffies(void);
unsigned long long __ms_ktime_ns(void);
void msleep(unsigned int msecs);
unsigned long msleep_interruptible(unsigned int msecs);
void usleep_range(unsigned long min, unsigned long max);
void __ms_udelay(unsigned long usecs);
void schedule(void);
long schedule_timeout(long timeout);
long schedule_timeout_interruptible(long timeout);
long schedule_timeout_uninterruptible(long timeout);
long schedule_timeout_killable(long timeout);

/* timers */
void __ms_timer_setup(struct timer_list *timer, void (*func)(struct timer_list *), unsigned int flags);
void add_timer(struct timer_list *timer);
int mod_timer(struct timer_list *timer, unsigned long expires);
int timer_reduce(struct timer_list *timer, unsigned long expires);
int __ms_timer_delete(struct timer_list *timer); /* timer_delete() would clash with POSIX timers */
int timer_delete_sync(struct timer_list *timer);
int try_to_del_timer_sync(struct timer_list *timer);
int timer_shutdown(struct timer_list *timer);
int timer_shutdown_sync(struct timer_list *timer);
int __ms_timer_pending(const struct timer_list *timer);

/* workqueues */
extern struct workqueue_struct *system_wq;
extern struct workqueue_struct *system_highpri_wq;
extern struct workqueue_struct *system_long_wq;
extern struct workqueue_struct *system_unbound_wq;
extern struct workqueue_struct *system_freezable_wq;
extern struct workqueue_struct *system_power_efficient_wq;
void __ms_init_work(struct work_struct *work, work_func_t func);
void delayed_work_timer_fn(struct timer_list *t);
void __ms_init_delayed_work(struct delayed_work *dwork, work_func_t func);
struct workqueue_struct *alloc_workqueue(const char *fmt, unsigned int flags, int max_active, ...);
void destroy_workqueue(struct workqueue_struct *wq);
_Bool queue_work_on(int cpu, struct workqueue_struct *wq, struct work_struct *work);
_Bool queue_delayed_work_on(int cpu, struct workqueue_struct *wq, struct delayed_work *dwork, unsigned long delay);
_Bool mod_delayed_work_on(int cpu, struct workqueue_struct *wq, struct delayed_work *dwork, unsigned long delay);
_Bool flush_work(struct work_struct *work);
_Bool flush_delayed_work(struct delayed_work *dwork);
_Bool cancel_work(struct work_struct *work);
_Bool cancel_work_sync(struct work_struct *work);
_Bool cancel_delayed_work(struct delayed_work *dwork);
_Bool cancel_delayed_work_sync(struct delayed_work *dwork);
void flush_workqueue(struct workqueue_struct *wq);
void drain_workqueue(struct workqueue_struct *wq);
_Bool __ms_work_pending(const struct work_struct *work);

/* tasklets */
void tasklet_init(struct tasklet_struct *t, void (*func)(unsigned long), unsigned long data);
void tasklet_setup(struct tasklet_struct *t, void (*callback)(struct tasklet_struct *));
void __tasklet_schedule(struct tasklet_struct *t);
void __tasklet_hi_schedule(struct tasklet_struct *t);
void tasklet_kill(struct tasklet_struct *t);
void tasklet_disable(struct tasklet_struct *t);
void tasklet_disable_nosync(struct tasklet_struct *t);
void tasklet_enable(struct tasklet_struct *t);

/* interrupts */
int request_threaded_irq(unsigned int irq, irq_handler_t handler, irq_handler_t thread_fn,
			 unsigned long flags, const char *name, void *dev);
const void *free_irq(unsigned int irq, void *dev_id);
void disable_irq(unsigned int irq);
void disable_irq_nosync(unsigned int irq);
void enable_irq(unsigned int irq);
_Bool synchronize_irq(unsigned int irq);

/* kthreads */
struct task_struct *kthread_create_on_node(int (*threadfn)(void *data), void *data, int node,
					   const char namefmt[], ...);
int wake_up_process(struct task_struct *p);
int kthread_stop(struct task_struct *k);
_Bool kthread_should_stop(void);
void kthread_exit(long result) __attribute__((noreturn));
struct task_struct *__ms_get_current(void);
int __ms_signal_pending(struct task_struct *p);

/* RCU */
void __ms_rcu_read_lock(int kind);
void __ms_rcu_read_unlock(int kind);
void synchronize_rcu(void);
void synchronize_rcu_expedited(void);
void synchronize_net(void);
void call_rcu(struct callback_head *head, void (*func)(struct callback_head *head));
void rcu_barrier(void);
void __ms_kfree_rcu(void *obj, struct callback_head *head);
void __ms_rcu_note_assign(void *pp, const void *newval, int init);

/* memory, user copies */
void *__ms_kmalloc(__ms_size_t size, __ms_gfp_t flags, int zero);
void *krealloc(const void *p, __ms_size_t new_size, __ms_gfp_t flags);
void kfree(const void *objp);
void kfree_sensitive(const void *objp);
char *kstrdup(const char *s, __ms_gfp_t gfp);
char *kstrndup(const char *s, __ms_size_t max, __ms_gfp_t gfp);
void *kmemdup(const void *src, __ms_size_t len, __ms_gfp_t gfp);
char *kasprintf(__ms_gfp_t gfp, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void *vmalloc(unsigned long size);
void *vzalloc(unsigned long size);
void vfree(const void *addr);
void *kvmalloc_node(__ms_size_t size, __ms_gfp_t flags, int node);
void kvfree(const void *addr);
struct kmem_cache;
struct kmem_cache *kmem_cache_create(const char *name, unsigned int size, unsigned int align,
				     unsigned long flags, void (*ctor)(void *));
void *kmem_cache_alloc(struct kmem_cache *s, __ms_gfp_t gfpflags);
void kmem_cache_free(struct kmem_cache *s, void *objp);
void kmem_cache_destroy(struct kmem_cache *s);
unsigned long __ms_copy_to_user(void *to, const void *from, unsigned long n);
unsigned long __ms_copy_from_user(void *to, const void *from, unsigned long n);
unsigned long __ms_clear_user(void *to, unsigned long n);
long strncpy_from_user(char *dst, const char *src, long count);
void __ms_might_fault(void);

/* printing, bugs */
int _printk(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void __ms_warn(const char *file, int line, const char *cond);
void __ms_bug(const char *file, int line, const char *cond) __attribute__((noreturn));
void dump_stack(void);
int scnprintf(char *buf, __ms_size_t size, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
__ms_ssize_t strscpy(char *dest, const char *src, __ms_size_t count);
__ms_size_t strlcpy(char *dest, const char *src, __ms_size_t size);
int kstrtoint(const char *s, unsigned int base, int *res);
int kstrtouint(const char *s, unsigned int base, unsigned int *res);
int kstrtol(const char *s, unsigned int base, long *res);
int kstrtoul(const char *s, unsigned int base, unsigned long *res);
int kstrtobool(const char *s, _Bool *res);
unsigned long simple_strtoul(const char *cp, char **endp, unsigned int base);

/* character devices */
int misc_register(struct miscdevice *misc);
void misc_deregister(struct miscdevice *misc);
int __register_chrdev(unsigned int major, unsigned int baseminor, unsigned int count,
		      const char *name, const struct file_operations *fops);
void __unregister_chrdev(unsigned int major, unsigned int baseminor, unsigned int count,
			 const char *name);
int alloc_chrdev_region(__ms_dev_t *dev, unsigned baseminor, unsigned count, const char *name);
int register_chrdev_region(__ms_dev_t from, unsigned count, const char *name);
void unregister_chrdev_region(__ms_dev_t from, unsigned count);
void cdev_init(struct cdev *cdev, const struct file_operations *fops);
struct cdev *cdev_alloc(void);
int cdev_add(struct cdev *p, __ms_dev_t dev, unsigned count);
void cdev_del(struct cdev *p);
struct class *__ms_class_create(struct module *owner, const char *name);
void class_destroy(struct class *cls);
struct device *device_create(struct class *cls, struct device *parent, __ms_dev_t devt,
			     void *drvdata, const char *fmt, ...);
void device_destroy(struct class *cls, __ms_dev_t devt);
__ms_loff_t noop_llseek(struct file *file, __ms_loff_t offset, int whence);
__ms_loff_t no_llseek(struct file *file, __ms_loff_t offset, int whence);
__ms_loff_t default_llseek(struct file *file, __ms_loff_t offset, int whence);
__ms_loff_t generic_file_llseek(struct file *file, __ms_loff_t offset, int whence);
int nonseekable_open(struct inode *inode, struct file *filp);
int stream_open(struct inode *inode, struct file *filp);
__ms_ssize_t simple_read_from_buffer(void *to, __ms_size_t count, __ms_loff_t *ppos,
				     const void *from, __ms_size_t available);
__ms_ssize_t simple_write_to_buffer(void *to, __ms_size_t available, __ms_loff_t *ppos,
				    const void *from, __ms_size_t count);

/* kref, kobject */
void __ms_kref_get(struct kref *kref);
int __ms_kref_put(struct kref *kref, void (*release)(struct kref *kref));
void kobject_init(struct kobject *kobj, const struct kobj_type *ktype);
int kobject_add(struct kobject *kobj, struct kobject *parent, const char *fmt, ...);
int kobject_init_and_add(struct kobject *kobj, const struct kobj_type *ktype,
			 struct kobject *parent, const char *fmt, ...);
struct kobject *kobject_create_and_add(const char *name, struct kobject *parent);
struct kobject *kobject_get(struct kobject *kobj);
void kobject_put(struct kobject *kobj);
void kobject_del(struct kobject *kobj);

/* notifiers, power off */
int atomic_notifier_chain_register(struct atomic_notifier_head *nh, struct notifier_block *nb);
int atomic_notifier_chain_unregister(struct atomic_notifier_head *nh, struct notifier_block *nb);
int atomic_notifier_call_chain(struct atomic_notifier_head *nh, unsigned long val, void *v);
int blocking_notifier_chain_register(struct blocking_notifier_head *nh, struct notifier_block *nb);
int blocking_notifier_chain_unregister(struct blocking_notifier_head *nh, struct notifier_block *nb);
int blocking_notifier_call_chain(struct blocking_notifier_head *nh, unsigned long val, void *v);
int raw_notifier_chain_register(struct raw_notifier_head *nh, struct notifier_block *nb);
int raw_notifier_chain_unregister(struct raw_notifier_head *nh, struct notifier_block *nb);
int raw_notifier_call_chain(struct raw_notifier_head *nh, unsigned long val, void *v);
int register_reboot_notifier(struct notifier_block *nb);
int unregister_reboot_notifier(struct notifier_block *nb);
extern void (*pm_power_off)(void);
struct sys_off_handler *register_sys_off_handler(int mode, int priority,
						 int (*callback)(struct sys_off_data *data),
						 void *cb_data);
void unregister_sys_off_handler(struct sys_off_handler *handler);

/* -finstrument-functions hooks (module code is built with them) */
void __cyg_profile_func_enter(void *this_fn, void *call_site);
void __cyg_profile_func_exit(void *this_fn, void *call_site);

#endif /* MODSAFE_KABI_H */

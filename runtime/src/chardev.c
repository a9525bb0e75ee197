// SPDX-License-Identifier: GPL-2.0
/*
 * Character devices and the harness's VFS. Opening a device does what
 * misc_open() and chrdev_open() do in Linux 6.1: fops_get() (that is,
 * try_module_get(fops->owner)) before ->open, and on close ->release then
 * fops_put(). A file_operations without an owner is therefore not pinned
 * by an open file, exactly as in the kernel; the runtime notices when that
 * lets the module go while the file is open (missing-owner) and when a
 * later call goes into freed memory.
 */
#include "internal.h"

#include <errno.h>
#include <stdarg.h>

enum { N_MISC, N_CHRDEV, N_CDEV };
struct cnode {
	int kind;
	char name[64];
	unsigned int major, baseminor, count;
	const struct file_operations *fops; /* N_CHRDEV */
	struct miscdevice *misc;
	struct cdev *cdev;
	struct cdev own_cdev; /* the cdev __register_chrdev makes */
	uintptr_t pc;
	struct device *dev;
	struct cnode *next;
};
struct alias { char name[64]; __ms_dev_t devt; struct class *cls; struct device *dev; struct alias *next; };
struct ofile {
	struct file *f;
	struct inode *inode;
	struct cnode *node_kind_copy;
	int kind;
	struct cdev *cdev; /* the cdev whose owner was taken (chrdev_open) */
	char path[80];
	struct ms_mod *mod;
	struct ofile *next;
};

static pthread_mutex_t c_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t misc_mtx = PTHREAD_MUTEX_INITIALIZER;
static struct cnode *nodes;
static struct alias *aliases;
static struct ofile *ofiles;
static unsigned next_major = 254, next_misc_minor = 200;
static unsigned long next_file_id;

static struct cnode *node_new(int kind, const char *name, uintptr_t pc)
{
	struct cnode *n = ms_xcalloc(1, sizeof(*n));
	n->kind = kind;
	snprintf(n->name, sizeof(n->name), "%s", name ? name : "");
	n->pc = pc;
	n->next = nodes;
	nodes = n;
	return n;
}

static void node_del(struct cnode *n)
{
	for (struct cnode **p = &nodes; *p; p = &(*p)->next)
		if (*p == n) {
			*p = n->next;
			free(n->dev);
			free(n);
			return;
		}
}

int misc_register(struct miscdevice *misc)
{
	uintptr_t pc = MS_RET_PC();
	ms_check_sleep("misc_register", pc);
	pthread_mutex_lock(&misc_mtx);
	pthread_mutex_lock(&c_lock);
	for (struct cnode *n = nodes; n; n = n->next)
		if (n->kind == N_MISC && (n->misc == misc || !strcmp(n->name, misc->name ? misc->name : ""))) {
			pthread_mutex_unlock(&c_lock);
			pthread_mutex_unlock(&misc_mtx);
			return -EBUSY;
		}
	if (misc->minor == 255)
		misc->minor = (int)next_misc_minor++;
	struct cnode *n = node_new(N_MISC, misc->name, pc);
	n->misc = misc;
	n->major = 10;
	n->baseminor = (unsigned)misc->minor;
	n->count = 1;
	n->dev = ms_xcalloc(1, sizeof(*n->dev));
	snprintf(n->dev->ms_name, sizeof(n->dev->ms_name), "%s", n->name);
	n->dev->devt = (10u << 20) | (unsigned)misc->minor;
	misc->this_device = n->dev;
	pthread_mutex_unlock(&c_lock);
	pthread_mutex_unlock(&misc_mtx);
	return 0;
}

void misc_deregister(struct miscdevice *misc)
{
	pthread_mutex_lock(&misc_mtx);
	pthread_mutex_lock(&c_lock);
	for (struct cnode *n = nodes; n; n = n->next)
		if (n->kind == N_MISC && n->misc == misc) {
			misc->this_device = NULL;
			node_del(n);
			break;
		}
	pthread_mutex_unlock(&c_lock);
	pthread_mutex_unlock(&misc_mtx);
}

int __register_chrdev(unsigned int major, unsigned int baseminor, unsigned int count, const char *name,
		      const struct file_operations *fops)
{
	uintptr_t pc = MS_RET_PC();
	pthread_mutex_lock(&c_lock);
	unsigned m = major ? major : next_major--;
	struct cnode *n = node_new(N_CHRDEV, name, pc);
	n->major = m;
	n->baseminor = baseminor;
	n->count = count;
	n->fops = fops;
	n->own_cdev.owner = fops ? fops->owner : NULL;
	n->own_cdev.ops = fops;
	n->own_cdev.dev = (m << 20) | baseminor;
	n->own_cdev.count = count;
	n->cdev = &n->own_cdev;
	pthread_mutex_unlock(&c_lock);
	return major ? 0 : (int)m;
}

void __unregister_chrdev(unsigned int major, unsigned int baseminor, unsigned int count, const char *name)
{
	(void)count;
	(void)name;
	pthread_mutex_lock(&c_lock);
	for (struct cnode *n = nodes; n; n = n->next)
		if (n->kind == N_CHRDEV && n->major == major && n->baseminor == baseminor) {
			node_del(n);
			break;
		}
	pthread_mutex_unlock(&c_lock);
}

int alloc_chrdev_region(__ms_dev_t *dev, unsigned baseminor, unsigned count, const char *name)
{
	(void)count;
	(void)name;
	pthread_mutex_lock(&c_lock);
	*dev = ((next_major--) << 20) | baseminor;
	pthread_mutex_unlock(&c_lock);
	return 0;
}
int register_chrdev_region(__ms_dev_t from, unsigned count, const char *name)
{
	(void)from;
	(void)count;
	(void)name;
	return 0;
}
void unregister_chrdev_region(__ms_dev_t from, unsigned count)
{
	(void)from;
	(void)count;
}

void cdev_init(struct cdev *cdev, const struct file_operations *fops)
{
	memset(cdev, 0, sizeof(*cdev));
	cdev->list.next = cdev->list.prev = &cdev->list;
	cdev->ops = fops;
}

struct cdev *cdev_alloc(void)
{
	struct cdev *p = calloc(1, sizeof(*p));
	if (p)
		p->list.next = p->list.prev = &p->list;
	return p;
}

int cdev_add(struct cdev *p, __ms_dev_t dev, unsigned count)
{
	uintptr_t pc = MS_RET_PC();
	p->dev = dev;
	p->count = count;
	pthread_mutex_lock(&c_lock);
	struct cnode *n = node_new(N_CDEV, "", pc);
	n->cdev = p;
	n->major = dev >> 20;
	n->baseminor = dev & ((1u << 20) - 1);
	n->count = count;
	pthread_mutex_unlock(&c_lock);
	return 0;
}

void cdev_del(struct cdev *p)
{
	pthread_mutex_lock(&c_lock);
	for (struct cnode *n = nodes; n; n = n->next)
		if (n->kind == N_CDEV && n->cdev == p) {
			node_del(n);
			break;
		}
	pthread_mutex_unlock(&c_lock);
}

struct class *__ms_class_create(struct module *owner, const char *name)
{
	struct class *c = calloc(1, sizeof(*c));
	if (!c)
		return (struct class *)(long)-ENOMEM;
	c->owner = owner;
	c->name = name;
	return c;
}

void class_destroy(struct class *cls)
{
	if (!cls || (uintptr_t)cls >= (uintptr_t)-4095)
		return;
	pthread_mutex_lock(&c_lock);
	for (struct alias **p = &aliases; *p;)
		if ((*p)->cls == cls) {
			struct alias *a = *p;
			*p = a->next;
			free(a->dev);
			free(a);
		} else
			p = &(*p)->next;
	pthread_mutex_unlock(&c_lock);
	free(cls);
}

struct device *device_create(struct class *cls, struct device *parent, __ms_dev_t devt, void *drvdata,
			     const char *fmt, ...)
{
	struct alias *a = ms_xcalloc(1, sizeof(*a));
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(a->name, sizeof(a->name), fmt, ap);
	va_end(ap);
	a->devt = devt;
	a->cls = cls;
	a->dev = ms_xcalloc(1, sizeof(*a->dev));
	a->dev->parent = parent;
	a->dev->driver_data = drvdata;
	a->dev->devt = devt;
	a->dev->class = cls;
	snprintf(a->dev->ms_name, sizeof(a->dev->ms_name), "%s", a->name);
	pthread_mutex_lock(&c_lock);
	a->next = aliases;
	aliases = a;
	pthread_mutex_unlock(&c_lock);
	return a->dev;
}

void device_destroy(struct class *cls, __ms_dev_t devt)
{
	pthread_mutex_lock(&c_lock);
	for (struct alias **p = &aliases; *p; p = &(*p)->next)
		if ((*p)->cls == cls && (*p)->devt == devt) {
			struct alias *a = *p;
			*p = a->next;
			free(a->dev);
			free(a);
			break;
		}
	pthread_mutex_unlock(&c_lock);
}

__ms_loff_t noop_llseek(struct file *file, __ms_loff_t offset, int whence)
{
	(void)whence;
	(void)offset;
	return file->f_pos;
}
__ms_loff_t no_llseek(struct file *file, __ms_loff_t offset, int whence)
{
	(void)file;
	(void)offset;
	(void)whence;
	return -ESPIPE;
}
__ms_loff_t default_llseek(struct file *file, __ms_loff_t offset, int whence)
{
	__ms_loff_t p = whence == 1 ? file->f_pos + offset : offset;
	if (p < 0)
		return -EINVAL;
	file->f_pos = p;
	return p;
}
__ms_loff_t generic_file_llseek(struct file *file, __ms_loff_t offset, int whence)
{
	return default_llseek(file, offset, whence);
}
int nonseekable_open(struct inode *inode, struct file *filp)
{
	(void)inode;
	(void)filp;
	return 0;
}
int stream_open(struct inode *inode, struct file *filp)
{
	(void)inode;
	(void)filp;
	return 0;
}

__ms_ssize_t simple_read_from_buffer(void *to, __ms_size_t count, __ms_loff_t *ppos, const void *from,
				     __ms_size_t available)
{
	__ms_loff_t pos = *ppos;
	if (pos < 0)
		return -EINVAL;
	if ((__ms_size_t)pos >= available || !count)
		return 0;
	if (count > available - (__ms_size_t)pos)
		count = available - (__ms_size_t)pos;
	if (__ms_copy_to_user(to, (const char *)from + pos, count))
		return -EFAULT;
	*ppos = pos + (__ms_loff_t)count;
	return (__ms_ssize_t)count;
}

__ms_ssize_t simple_write_to_buffer(void *to, __ms_size_t available, __ms_loff_t *ppos, const void *from,
				    __ms_size_t count)
{
	__ms_loff_t pos = *ppos;
	if (pos < 0)
		return -EINVAL;
	if ((__ms_size_t)pos >= available || !count)
		return 0;
	if (count > available - (__ms_size_t)pos)
		count = available - (__ms_size_t)pos;
	if (__ms_copy_from_user((char *)to + pos, from, count))
		return -EFAULT;
	*ppos = pos + (__ms_loff_t)count;
	return (__ms_ssize_t)count;
}

/* ------------------------------------------------------------------------
 * The harness's VFS
 */
static struct cnode *lookup(const char *path, __ms_dev_t *devt)
{
	const char *name = strncmp(path, "/dev/", 5) ? path : path + 5;
	for (struct cnode *n = nodes; n; n = n->next)
		if ((n->kind == N_MISC || n->kind == N_CHRDEV) && !strcmp(n->name, name)) {
			*devt = (n->major << 20) | n->baseminor;
			return n;
		}
	__ms_dev_t d = 0;
	int have = 0;
	for (struct alias *a = aliases; a; a = a->next)
		if (!strcmp(a->name, name)) {
			d = a->devt;
			have = 1;
			break;
		}
	unsigned ma, mi;
	if (!have && sscanf(name, "char/%u:%u", &ma, &mi) == 2) {
		d = (ma << 20) | mi;
		have = 1;
	}
	if (!have)
		return NULL;
	for (struct cnode *n = nodes; n; n = n->next)
		if ((n->kind == N_CDEV || n->kind == N_CHRDEV) && (d >> 20) == n->major &&
		    (d & ((1u << 20) - 1)) >= n->baseminor && (d & ((1u << 20) - 1)) < n->baseminor + n->count) {
			*devt = d;
			return n;
		}
	return NULL;
}

struct vcall { const struct file_operations *f; int op; struct file *file; void *buf; unsigned long n;
	unsigned int cmd; unsigned long arg; long ret; int missing; };
enum { OP_OPEN, OP_READ, OP_WRITE, OP_IOCTL, OP_RELEASE };
static const char *op_name[] = {"open", "read", "write", "ioctl", "release"};

/* The file_operations are module memory, possibly being freed right now
 * (a missing owner): they are read only inside the guarded call. */
static void run_op(void *a)
{
	struct vcall *c = a;
	const struct file_operations *f = c->f;
	void *fn = c->op == OP_OPEN ? (void *)f->open : c->op == OP_READ ? (void *)f->read
		 : c->op == OP_WRITE ? (void *)f->write : c->op == OP_IOCTL ? (void *)f->unlocked_ioctl
		 : (void *)f->release;
	if (!fn) {
		c->missing = 1;
		return;
	}
	ms_t.cb_fn = (uintptr_t)fn;
	switch (c->op) {
	case OP_OPEN: c->ret = f->open(c->file->f_inode, c->file); break;
	case OP_READ: c->ret = f->read(c->file, c->buf, c->n, &c->file->f_pos); break;
	case OP_WRITE: c->ret = f->write(c->file, c->buf, c->n, &c->file->f_pos); break;
	case OP_IOCTL: c->ret = f->unlocked_ioctl(c->file, c->cmd, c->arg); break;
	case OP_RELEASE: c->ret = f->release(c->file->f_inode, c->file); break;
	}
}

struct owner_read { const struct file_operations *f; struct module *owner; };
static void read_owner(void *a)
{
	struct owner_read *o = a;
	o->owner = o->f->owner;
}

/* fops->owner, or -1 when the fops are in freed module memory */
static int owner_of(const struct file_operations *f, struct module **owner)
{
	struct owner_read o = {f, NULL};
	if (ms_freed_mod_of((uintptr_t)f) || ms_guarded_call(read_owner, &o))
		return -1;
	*owner = o.owner;
	return 0;
}

/* Report a call into a module whose memory is gone through an open file. */
static void after_free(struct file *file, const char *op, int faulted)
{
	const struct file_operations *fop = file->f_op;
	char msg[300];
	snprintf(msg, sizeof(msg), "%s() on the open file %s the module after its memory was freed", op,
		 faulted ? "executed code of" : "calls into");
	if (ms_f_append("missing-owner", (uintptr_t)fop, 0, faulted ? ms_t.fault_pc : 0, 0, msg))
		return;
	struct ms_mod *r = ms_freed_mod_of((uintptr_t)fop);
	struct ms_finding *f = ms_f_new_data("missing-owner", r, (uintptr_t)fop, 0, NULL, 0,
		"%s() on an open file calls into module '%s' after it was unloaded and freed: the file's "
		"file_operations did not keep the module loaded (Rule #1)", op, r ? r->name : "?");
	if (faulted)
		ms_f_stack(f, ms_t.fault_frames, ms_t.fault_n, 1, "fault in freed module text");
	ms_f_key(f, (uintptr_t)fop, 0);
	ms_f_commit(f);
}

static long vfs_call(struct file *file, int op, void *buf, unsigned long n, unsigned int cmd, unsigned long arg)
{
	const struct file_operations *f = file->f_op;
	struct module *om = NULL;
	if (!f)
		return -EINVAL;
	if (owner_of(f, &om)) {
		after_free(file, op_name[op], 0);
		return -EIO;
	}
	struct ms_mod *owner = om ? ms_mod_by_struct(om) : NULL;
	struct vcall c = {f, op, file, buf, n, cmd, arg, 0, 0};
	const struct file *sf = ms_t.vfs_file;
	const char *sop = ms_t.vfs_op;
	int scb = ms_t.cb;
	ms_t.vfs_file = file;
	ms_t.vfs_op = op_name[op];
	ms_t.cb = MS_CB_FOPS;
	if (owner)
		ms_pin_push(owner); /* the file holds a reference on the owner */
	int faulted = ms_guarded_call(run_op, &c);
	if (owner)
		ms_pin_pop(owner);
	ms_t.vfs_file = sf;
	ms_t.vfs_op = sop;
	ms_t.cb = scb;
	if (faulted) {
		after_free(file, op_name[op], ms_freed_mod_of(ms_t.fault_pc) != NULL);
		return -EIO;
	}
	if (c.missing)
		return op == OP_OPEN || op == OP_RELEASE ? 0 : -EINVAL;
	return c.ret;
}

int ms_rt_open(const char *path, int flags, struct file **out)
{
	ms_rt_ensure();
	*out = NULL;
	uintptr_t pc = MS_RET_PC();
	pthread_mutex_lock(&misc_mtx);
	pthread_mutex_lock(&c_lock);
	__ms_dev_t devt = 0;
	struct cnode *n = lookup(path, &devt);
	if (!n) {
		pthread_mutex_unlock(&c_lock);
		pthread_mutex_unlock(&misc_mtx);
		return -ENOENT;
	}
	int kind = n->kind;
	struct miscdevice *misc = n->misc;
	struct cdev *cdev = n->cdev;
	uintptr_t regpc = n->pc;
	pthread_mutex_unlock(&c_lock);
	const void *obj = kind == N_MISC ? (const void *)misc : (const void *)cdev;
	struct ms_mod *gone = ms_freed_mod_of((uintptr_t)obj);
	if (gone) {
		char msg[200];
		snprintf(msg, sizeof(msg), "%s is opened after the module's memory was freed", path);
		ms_f_append(NULL, regpc, (uintptr_t)obj, 0, 0, msg);
		pthread_mutex_unlock(&misc_mtx);
		return -ENODEV;
	}
	struct file *file = ms_xcalloc(1, sizeof(*file));
	struct inode *inode = ms_xcalloc(1, sizeof(*inode));
	inode->i_rdev = devt;
	inode->i_mode = 0020000 | 0600;
	file->f_inode = inode;
	file->f_flags = (unsigned)flags;
	file->f_mode = ((flags & 3) == 0 ? 1 : (flags & 3) == 1 ? 2 : 3) | 0x4;
	file->ms_id = __atomic_add_fetch(&next_file_id, 1, __ATOMIC_RELAXED);
	const struct file_operations *fops = NULL;
	struct cdev *pinned_cdev = NULL;
	int err = 0;
	if (kind == N_MISC) {
		/* misc_open(): new_fops = fops_get(c->fops) */
		const struct file_operations *f = misc->fops;
		if (f && ms_try_get_tagged(f->owner, file, pc))
			fops = f;
		if (!fops) {
			err = -ENODEV;
			goto fail;
		}
		file->private_data = misc;
	} else {
		/* chrdev_open(): cdev_get() (the cdev's owner), then fops_get(p->ops) */
		inode->i_cdev = cdev;
		if (!ms_try_get_tagged(cdev->owner, file, pc)) {
			err = -ENXIO;
			goto fail;
		}
		pinned_cdev = cdev;
		const struct file_operations *f = cdev->ops;
		if (f && ms_try_get_tagged(f->owner, file, pc))
			fops = f;
		if (!fops) {
			ms_put_tagged(cdev->owner, file, pc);
			err = -ENXIO;
			goto fail;
		}
	}
	file->f_op = fops;
	{
		long r = vfs_call(file, OP_OPEN, NULL, 0, 0, 0);
		ms_vfs_open_done(file, fops, (int)r);
		if (r) {
			struct module *om = NULL;
			if (!owner_of(file->f_op, &om))
				ms_put_tagged(om, file, pc);
			if (pinned_cdev)
				ms_put_tagged(pinned_cdev->owner, file, pc);
			err = (int)r;
			goto fail;
		}
	}
	pthread_mutex_unlock(&misc_mtx);
	struct ofile *of = ms_xcalloc(1, sizeof(*of));
	of->f = file;
	of->inode = inode;
	of->kind = kind;
	of->cdev = pinned_cdev;
	snprintf(of->path, sizeof(of->path), "%s", path);
	of->mod = ms_mod_by_addr((uintptr_t)fops);
	pthread_mutex_lock(&c_lock);
	of->next = ofiles;
	ofiles = of;
	pthread_mutex_unlock(&c_lock);
	*out = file;
	return 0;
fail:
	pthread_mutex_unlock(&misc_mtx);
	free(inode);
	free(file);
	return err;
}

long ms_rt_read(struct file *f, void *buf, unsigned long n) { return vfs_call(f, OP_READ, buf, n, 0, 0); }
long ms_rt_write(struct file *f, const void *buf, unsigned long n) { return vfs_call(f, OP_WRITE, (void *)buf, n, 0, 0); }
long ms_rt_ioctl(struct file *f, unsigned int cmd, unsigned long arg) { return vfs_call(f, OP_IOCTL, NULL, 0, cmd, arg); }

int ms_rt_close(struct file *f)
{
	uintptr_t pc = MS_RET_PC();
	struct ofile *of = NULL;
	pthread_mutex_lock(&c_lock);
	for (struct ofile **p = &ofiles; *p; p = &(*p)->next)
		if ((*p)->f == f) {
			of = *p;
			*p = of->next;
			break;
		}
	pthread_mutex_unlock(&c_lock);
	if (!of)
		return -EBADF;
	/* __fput(): ->release, fops_put(), then the cdev's reference */
	const struct file_operations *fop = f->f_op;
	struct module *om = NULL;
	vfs_call(f, OP_RELEASE, NULL, 0, 0, 0);
	if (!owner_of(fop, &om))
		ms_put_tagged(om, f, pc);
	if (of->cdev && !ms_freed_mod_of((uintptr_t)of->cdev))
		ms_put_tagged(of->cdev->owner, f, pc);
	free(of->inode);
	free(f);
	free(of);
	return 0;
}

void ms_chardev_scan(struct ms_mod *r, const char *check)
{
	struct hit { int kind; char name[64]; uintptr_t pc; const void *obj; } hits[16];
	struct ohit { const struct file_operations *fop; char path[80]; uintptr_t regpc; } oh[16];
	int nh = 0, no = 0;
	pthread_mutex_lock(&c_lock);
	for (struct cnode *n = nodes; n && nh < 16; n = n->next) {
		const void *obj = n->kind == N_MISC ? (const void *)n->misc : (const void *)n->cdev;
		if (ms_freed_mod_of((uintptr_t)obj))
			continue;
		const struct file_operations *f = n->kind == N_MISC ? n->misc->fops : n->kind == N_CHRDEV ? n->fops : n->cdev->ops;
		if (ms_addr_in_mod(r, (uintptr_t)obj) || ms_addr_in_mod(r, (uintptr_t)f) || ms_addr_in_text(r, n->pc - 1)) {
			hits[nh].kind = n->kind;
			snprintf(hits[nh].name, sizeof(hits[nh].name), "%s", n->name);
			hits[nh].pc = n->pc;
			hits[nh].obj = obj;
			nh++;
		}
	}
	for (struct ofile *of = ofiles; of && no < 16; of = of->next) {
		const struct file_operations *f = of->f->f_op;
		if (f && !ms_freed_mod_of((uintptr_t)f) && ms_addr_in_mod(r, (uintptr_t)f) && !f->owner) {
			oh[no].fop = f;
			snprintf(oh[no].path, sizeof(oh[no].path), "%s", of->path);
			oh[no].regpc = 0;
			for (struct cnode *n = nodes; n; n = n->next)
				if (ms_freed_mod_of((uintptr_t)n->misc) || ms_freed_mod_of((uintptr_t)n->cdev))
					continue;
				else if ((n->kind == N_MISC && n->misc->fops == f) || n->fops == f || (n->cdev && n->cdev->ops == f))
					oh[no].regpc = n->pc;
			no++;
		}
	}
	pthread_mutex_unlock(&c_lock);
	for (int i = 0; i < no; i++) {
		char name[128] = "";
		struct ms_finding *f = ms_f_new_data("missing-owner", r, (uintptr_t)oh[i].fop, oh[i].regpc, name, sizeof(name),
			"module '%s' could be unloaded while %s is open: its file_operations have no owner, so open() "
			"took no module reference; the next read/write/release calls into freed memory (Rule #1: "
			"set .owner = THIS_MODULE)", r->name, oh[i].path);
		if (oh[i].regpc)
			ms_f_note(f, oh[i].regpc, 1, "handed over to the kernel here");
		ms_f_key(f, (uintptr_t)oh[i].fop, 0);
		ms_f_commit(f);
	}
	for (int i = 0; i < nh; i++) {
		const char *what = hits[i].kind == N_MISC ? "misc device" : hits[i].kind == N_CHRDEV ? "character device" : "cdev";
		struct ms_finding *f = ms_f_new(check, r, hits[i].pc, 1,
			"%s '%s' registered here is still registered when module '%s' is freed: an open() will call "
			"into freed memory (%s)", what, hits[i].name, r->name,
			hits[i].kind == N_MISC ? "misc_deregister()" : hits[i].kind == N_CHRDEV ? "unregister_chrdev()" : "cdev_del()");
		ms_f_key(f, hits[i].pc, (uintptr_t)hits[i].obj);
		ms_f_commit(f);
	}
}

void ms_chardev_shutdown(void)
{
	pthread_mutex_lock(&c_lock);
	while (ofiles) {
		struct ofile *o = ofiles;
		ofiles = o->next;
		free(o->inode);
		free(o->f);
		free(o);
	}
	while (nodes) {
		struct cnode *n = nodes;
		nodes = n->next;
		free(n->dev);
		free(n);
	}
	while (aliases) {
		struct alias *a = aliases;
		aliases = a->next;
		free(a->dev);
		free(a);
	}
	pthread_mutex_unlock(&c_lock);
}

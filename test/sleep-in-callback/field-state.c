// sleep-in-callback and sleep-in-atomic follow tests of a device's fields:
// a flag that every store sets under a test of another field of the same
// object (BusLogic's adapter_intern_err, set only for FlashPoint cards)
// implies that test; an enum field holds one of its enumerators; and a
// once-only initialiser that probe runs before request_irq() has run when
// the handler is called (mvumi's MVUMI_FW_ALLOC). Each form has a variant
// that breaks the reasoning and is reported.
// RUN: %clang -fsyntax-only %kinc -DMODULE -fplugin=%modsafe_plugin -fplugin-arg-modsafe-checks=-*,sleep-in-callback,sleep-in-atomic %s 2>&1 | FileCheck %s '--implicit-check-not=[modsafe-'
#include <linux/module.h>
#include <linux/interrupt.h>
#include <linux/spinlock.h>
#include <linux/slab.h>
#include <linux/pci.h>
#include <linux/delay.h>

enum card_type { CARD_MULTIMASTER = 1, CARD_FLASHPOINT = 2 };
#define card_is_multimaster(c) ((c)->type == CARD_MULTIMASTER)
#define card_is_flashpoint(c) ((c)->type == CARD_FLASHPOINT)

struct card {
	spinlock_t lock;
	enum card_type type;
	bool ext_reset, intern_err, other_err;
	void *mbox;
	unsigned int fw_flag;
	void *pool;
	int irq;
};

/* Only MultiMaster cards have mailboxes; FlashPoint cards skip them. */
static bool card_init(struct card *c)
{
	if (card_is_flashpoint(c))
		goto done;
	// CHECK-DAG: [[@LINE+1]]:12: note: 'card_init' calls 'kmalloc' with 'GFP_KERNEL', which allows direct reclaim
	c->mbox = kmalloc(64, GFP_KERNEL);
	if (!c->mbox)
		return false;
done:
	return true;
}

static irqreturn_t card_isr(int irq, void *devid)
{
	struct card *c = (struct card *)devid;
	unsigned long flags;

	spin_lock_irqsave(&c->lock, flags);
	if (card_is_multimaster(c)) {
		c->ext_reset = true;
		c->other_err = true;
	} else {
		c->ext_reset = true;
		c->intern_err = true;
	}
	if (c->ext_reset) {
		/* Both kinds of card set it: the mailbox path is reachable. */
		// CHECK-DAG: [[@LINE+2]]:3: warning: 'card_init' (through 'kmalloc') may sleep, but 'card_isr' is a hard-irq handler and must never sleep (Exception #1) [modsafe-sleep-in-callback]
		// CHECK-DAG: [[@LINE+1]]:3: warning: 'card_init' (through 'kmalloc') may sleep, but it is called in atomic context (spinlock held since 'spin_lock_irqsave') [modsafe-sleep-in-atomic]
		card_init(c);
		c->ext_reset = false;
	} else if (c->intern_err) {
		/* Only FlashPoint cards set it, and they skip the mailboxes. */
		card_init(c);
		c->intern_err = false;
	}
	spin_unlock_irqrestore(&c->lock, flags);
	return IRQ_HANDLED;
}

/* The same test on a flag whose stores are not all guarded. */
static irqreturn_t card_isr2(int irq, void *devid)
{
	struct card *c = devid;

	if (c->other_err) {
		// CHECK-DAG: [[@LINE+1]]:3: warning: 'card_init' (through 'kmalloc') may sleep, but 'card_isr2' is a hard-irq handler and must never sleep (Exception #1) [modsafe-sleep-in-callback]
		card_init(c);
		c->other_err = false;
	}
	return IRQ_HANDLED;
}

/* A once-only initialiser: mvumi_init_data(). */
#define FW_ALLOC 0x4
static int card_alloc(struct card *c)
{
	if (c->fw_flag & FW_ALLOC)
		return 0;
	// CHECK-DAG: [[@LINE+1]]:12: note: 'card_alloc' calls 'kmalloc' with 'GFP_KERNEL', which allows direct reclaim
	c->pool = kmalloc(4096, GFP_KERNEL);
	if (!c->pool)
		return -ENOMEM;
	c->fw_flag |= FW_ALLOC;
	return 0;
}

static void card_handshake(struct card *c)
{
	card_alloc(c);
}

/* Probe runs the initialiser before it hands out the handler. */
static irqreturn_t card_isr3(int irq, void *devid)
{
	card_handshake(devid);
	return IRQ_HANDLED;
}

/* Registered before anything initialised the card: reported. */
static irqreturn_t card_isr4(int irq, void *devid)
{
	// CHECK-DAG: [[@LINE+1]]:2: warning: 'card_handshake' (through 'kmalloc') may sleep, but 'card_isr4' is a hard-irq handler and must never sleep (Exception #1) [modsafe-sleep-in-callback]
	card_handshake(devid);
	return IRQ_HANDLED;
}

/* Also named in an ops table: entered another way too, reported. */
static irqreturn_t card_isr5(int irq, void *devid)
{
	// CHECK-DAG: [[@LINE+1]]:2: warning: 'card_handshake' (through 'kmalloc') may sleep, but 'card_isr5' is a hard-irq handler and must never sleep (Exception #1) [modsafe-sleep-in-callback]
	card_handshake(devid);
	return IRQ_HANDLED;
}
struct card_ops {
	irqreturn_t (*poll)(int, void *);
};
const struct card_ops card_poll_ops = { .poll = card_isr5 };

/* A test the caller undoes before the call says nothing at the call. */
enum card_mode { MODE_IDLE = 1, MODE_BUSY = 2 };
struct modal {
	enum card_mode mode;
	bool kicked;
};
static void modal_work(struct modal *m)
{
	if (m->mode == MODE_BUSY)
		return;
	// CHECK-DAG: [[@LINE+1]]:2: note: 'modal_work' calls 'msleep', which may sleep
	msleep(1);
}
static irqreturn_t modal_isr(int irq, void *devid)
{
	struct modal *m = devid;

	if (m->mode == MODE_IDLE)
		m->kicked = true; /* makes mode a followed field */
	if (m->mode == MODE_BUSY) {
		m->mode = MODE_IDLE;
		// CHECK-DAG: [[@LINE+1]]:3: warning: 'modal_work' (through 'msleep') may sleep, but 'modal_isr' is a hard-irq handler and must never sleep (Exception #1) [modsafe-sleep-in-callback]
		modal_work(m);
	}
	return IRQ_HANDLED;
}

static int card_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct card *c = kzalloc(sizeof(*c), GFP_KERNEL);
	int ret;

	if (!c)
		return -ENOMEM;
	c->type = id->driver_data ? CARD_FLASHPOINT : CARD_MULTIMASTER;
	ret = request_irq(pdev->irq, card_isr4, IRQF_SHARED, "card4", c);
	if (ret)
		return ret;
	card_handshake(c);
	ret = request_irq(pdev->irq, card_isr3, IRQF_SHARED, "card", c);
	if (ret)
		return ret;
	ret = request_irq(pdev->irq, card_isr5, IRQF_SHARED, "card5", c);
	if (ret)
		return ret;
	ret = request_irq(pdev->irq, modal_isr, IRQF_SHARED, "modal", c);
	if (ret)
		return ret;
	ret = request_irq(pdev->irq, card_isr, IRQF_SHARED, "card", c);
	if (ret)
		return ret;
	return request_irq(pdev->irq, card_isr2, IRQF_SHARED, "card2", c);
}

static const struct pci_device_id card_ids[] = { { 0 } };
static struct pci_driver card_driver = {
	.name = "card",
	.id_table = card_ids,
	.probe = card_probe,
};
module_pci_driver(card_driver);
MODULE_LICENSE("GPL");

// proto_register() with a struct proto lacking .owner: sk_alloc() takes
// try_module_get(prot->owner) for the life of every sock.  The owner sits
// near the end of struct proto, after the function pointers.
// RUN: %clang -fsyntax-only %kinc -DMODULE -fplugin=%modsafe_plugin %s 2>&1 | FileCheck %s '--implicit-check-not=[modsafe-'
// RUN: %clang -fsyntax-only %kinc -DMODULE -fplugin=%modsafe_plugin -fdiagnostics-parseable-fixits %s 2>&1 | FileCheck %s --check-prefix=FIX
#include <linux/module.h>
#include <net/sock.h>

struct pr_sock {
	struct sock sk;
	int state;
};

static void pr_close(struct sock *sk, long timeout)
{
}

static int pr_init_sock(struct sock *sk)
{
	return 0;
}

// CHECK: proto-register.c:[[@LINE+4]]:21: warning: 'pr_proto' (struct proto) holds callbacks into this module but leaves '.owner' unset; the interface it is handed to cannot pin the module while calling them (Rule #1) [modsafe-missing-owner]
// CHECK: proto-register.c:[[@LINE+12]]:{{[0-9]+}}: note: handed to 'proto_register' here
// FIX: fix-it:"{{.*}}proto-register.c":{[[@LINE+3]]:2-[[@LINE+3]]:2}:".owner = THIS_MODULE,\n\t"
// FIX-NOT: fix-it:
static struct proto pr_proto = {
	.name = "PR",
	.obj_size = sizeof(struct pr_sock),
	.close = pr_close,
	.init = pr_init_sock,
};

static int __init pr_init(void)
{
	return proto_register(&pr_proto, 1);
}

static void __exit pr_exit(void)
{
	proto_unregister(&pr_proto);
}

module_init(pr_init);
module_exit(pr_exit);
MODULE_LICENSE("GPL");

// A const net_proto_family without .owner handed to sock_register():
// __sock_create() takes try_module_get(pf->owner) while it creates a socket.
// The structure is const, so only the initializer can set the owner; the
// owner is the last member of net_proto_family.
// RUN: %clang -fsyntax-only %kinc -DMODULE -fplugin=%modsafe_plugin %s 2>&1 | FileCheck %s '--implicit-check-not=[modsafe-'
// RUN: %clang -fsyntax-only %kinc -DMODULE -fplugin=%modsafe_plugin -fdiagnostics-parseable-fixits %s 2>&1 | FileCheck %s --check-prefix=FIX
#include <linux/module.h>
#include <linux/net.h>

#define PF_CS 45

static int cs_create(struct net *net, struct socket *sock, int protocol, int kern)
{
	return -EINVAL;
}

// CHECK: const-struct.c:[[@LINE+4]]:38: warning: 'cs_family' (struct net_proto_family) holds callbacks into this module but leaves '.owner' unset; the interface it is handed to cannot pin the module while calling them (Rule #1) [modsafe-missing-owner]
// CHECK: const-struct.c:[[@LINE+10]]:{{[0-9]+}}: note: handed to 'sock_register' here
// FIX: fix-it:"{{.*}}const-struct.c":{[[@LINE+3]]:2-[[@LINE+3]]:2}:".owner = THIS_MODULE,\n\t"
// FIX-NOT: fix-it:
static const struct net_proto_family cs_family = {
	.family = PF_CS,
	.create = cs_create,
};

static int __init cs_init(void)
{
	return sock_register(&cs_family);
}

static void __exit cs_exit(void)
{
	sock_unregister(PF_CS);
}

module_init(cs_init);
module_exit(cs_exit);
MODULE_LICENSE("GPL");

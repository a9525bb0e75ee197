// A subsystem describes its own interfaces with an extra rules file
// (-fplugin-arg-modsafe-rules=FILE). usr_register() keeps its callbacks but
// unregisters synchronously: with the file it is not reported (RULES), without
// it it is (BUILTIN). The file also says that usr_unsafe_register() keeps the
// callbacks it is handed with no owner, so usr_wrap(), which hands them on, is
// reported with the file's reason; and that usr_table_insert() keeps its
// second argument, so usr_insert() is reported too.
// RUN: %clang -fsyntax-only %kinc -I %S/Inputs -fplugin=%modsafe_plugin %s 2>&1 | FileCheck %s --check-prefix=BUILTIN '--implicit-check-not=[modsafe-'
// RUN: %clang -fsyntax-only %kinc -I %S/Inputs -fplugin=%modsafe_plugin -fplugin-arg-modsafe-rules=%S/Inputs/usr-rules.json %s 2>&1 | FileCheck %s --check-prefix=RULES '--implicit-check-not=[modsafe-'
#include <linux/module.h>
#include <linux/list.h>
#include "hooks.h"

static LIST_HEAD(usr_list);

// BUILTIN: user-rules.c:[[@LINE+1]]:5: warning: 'usr_register' stores the caller's callbacks ('ops', struct usr_sync_ops) {{.*}} [modsafe-interface-no-owner]
int usr_register(struct usr_sync_ops *ops)
{
	// BUILTIN: user-rules.c:[[@LINE+1]]:11: note: linked in by 'list_add' here
	list_add(&ops->list, &usr_list);
	return 0;
}

// RULES: user-rules.c:[[@LINE+1]]:5: warning: 'usr_wrap' stores the caller's callbacks ('ops', struct usr_ops) {{.*}} [modsafe-interface-no-owner]
int usr_wrap(struct usr_ops *ops)
{
	// RULES: user-rules.c:[[@LINE+1]]:29: note: handed to 'usr_unsafe_register' here, which keeps it with no owner (usr_unsafe_unregister() does not wait for callbacks already running)
	return usr_unsafe_register(ops);
}

static struct usr_table *usr_table;

// RULES: user-rules.c:[[@LINE+1]]:5: warning: 'usr_insert' stores the caller's callbacks ('ops', struct usr_ops) {{.*}} [modsafe-interface-no-owner]
int usr_insert(struct usr_ops *ops)
{
	// RULES: user-rules.c:[[@LINE+1]]:37: note: linked in by 'usr_table_insert' here
	return usr_table_insert(usr_table, ops);
}

// What a type says about callbacks, and where an access path starts: shared
// by the checks that ask whether an object handed to an interface carries
// callbacks into the module and whether an owner is in reach of them
// (interface-no-owner, unsafe-unload, init-fail-after-unsafe).
#pragma once

#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"

#include <functional>
#include <string>

namespace modsafe {

/// T is a pointer to a function.
bool isFunctionPointer(clang::QualType T);
/// The record a pointer type points to (not through further pointers).
const clang::RecordDecl *pointee(clang::QualType T);
/// Calls Visit on every field of R, descending into embedded structures,
/// unions and arrays of them (they are part of the same object).
void forEachField(const clang::RecordDecl *R,
                  const std::function<void(const clang::FieldDecl *)> &Visit,
                  unsigned Depth = 0);
/// A field's type, through arrays.
clang::QualType fieldElementType(const clang::FieldDecl *FD);
/// R is a table of methods: mostly function pointers (file_operations).
bool isOpsTable(const clang::RecordDecl *R);
/// R is a deferred-execution object (rcu_head, timer_list, work_struct,
/// hrtimer, tasklet_struct, kthread_work): its callback is the object's own
/// continuation, missing-teardown's business.
bool isDeferredObject(const clang::RecordDecl *R);
/// An object of type R holds callbacks: function pointers of its own or of
/// an embedded structure, or a pointer to a table of methods; not those of
/// embedded deferred-execution objects.
bool holdsCallbacks(const clang::RecordDecl *R, unsigned Depth = 0);
/// T is a function pointer or a pointer to a structure holding callbacks.
bool callbackType(clang::QualType T);
/// The `struct module *` field of R, in R itself or, with Hops left, behind
/// one pointer (miscdevice->fops->owner): its path, or "".
std::string ownerPath(const clang::RecordDecl *R, unsigned Hops);
/// An object of type R counts its own references (kref, refcount_t,
/// percpu_ref, possibly inside an embedded kobject or device).
bool countsReferences(const clang::RecordDecl *R);
/// Removes `*&` pairs and casts (WRITE_ONCE's `*(volatile T *)&(x)`).
const clang::Expr *lvalueOf(const clang::Expr *E);
/// The variable E names, if any.
const clang::VarDecl *declOf(const clang::Expr *E);
/// The variable an access path (`a.b`, `p->b.c`, `p[i]`, `*p`) starts from,
/// and whether the path goes through a pointer on the way.
const clang::VarDecl *rootOf(const clang::Expr *E, bool &ThroughPointer);

} // namespace modsafe

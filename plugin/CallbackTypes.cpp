// Callback-carrying types and access paths: the helpers interface-no-owner,
// unsafe-unload and init-fail-after-unsafe share (see CallbackTypes.h).
#include "CallbackTypes.h"
#include "KernelExpr.h"

#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"

#include <functional>

using namespace clang;

namespace modsafe {

bool isFunctionPointer(QualType T) {
  if (T.isNull())
    return false;
  T = T.getCanonicalType();
  return T->isPointerType() && T->getPointeeType()->isFunctionType();
}

/// The record a pointer type points to (not through further pointers).
const RecordDecl *pointee(QualType T) {
  if (T.isNull())
    return nullptr;
  T = T.getCanonicalType();
  if (!T->isPointerType())
    return nullptr;
  const RecordDecl *R = T->getPointeeType()->getAsRecordDecl();
  return R ? R->getDefinition() : nullptr;
}

/// Calls Visit on every field of R, descending into embedded structures,
/// unions and arrays of them (they are part of the same object).
void forEachField(const RecordDecl *R,
                  const std::function<void(const FieldDecl *)> &Visit,
                  unsigned Depth) {
  if (!R || !(R = R->getDefinition()) || Depth > 8)
    return;
  for (const FieldDecl *FD : R->fields()) {
    QualType T = FD->getType().getCanonicalType();
    while (T->isArrayType())
      T = T->getAsArrayTypeUnsafe()->getElementType().getCanonicalType();
    if (const RecordDecl *Sub = T->getAsRecordDecl())
      forEachField(Sub, Visit, Depth + 1);
    else
      Visit(FD);
  }
}

QualType fieldElementType(const FieldDecl *FD) {
  QualType T = FD->getType().getCanonicalType();
  while (T->isArrayType())
    T = T->getAsArrayTypeUnsafe()->getElementType().getCanonicalType();
  return T;
}

/// Is R a table of methods: mostly function pointers (file_operations,
/// net_device_ops), not an object that happens to hold one?
bool isOpsTable(const RecordDecl *R) {
  unsigned Fns = 0, Others = 0;
  forEachField(R, [&](const FieldDecl *FD) {
    QualType T = fieldElementType(FD);
    if (isFunctionPointer(T))
      ++Fns;
    else if (!isModulePointer(T))
      ++Others;
  });
  return Fns > 0 && Fns >= Others;
}

/// Is R a deferred-execution object: one or two function pointers that
/// take at most one argument, one of them the object itself (rcu_head,
/// timer_list, work_struct, hrtimer, tasklet_struct, kthread_work)? Its
/// callback is the object's own continuation; arming it and tearing it down
/// synchronously (del_timer_sync, cancel_work_sync, rcu_barrier) is the
/// missing-teardown check's business, not an interface's owner.
bool isDeferredObject(const RecordDecl *R) {
  if (!R || !(R = R->getDefinition()))
    return false;
  unsigned Fns = 0;
  bool Self = false, Simple = true;
  std::function<void(const RecordDecl *)> Scan = [&](const RecordDecl *Rec) {
    for (const FieldDecl *FD : Rec->fields()) {
      QualType T = FD->getType().getCanonicalType();
      if (const RecordDecl *Sub = T->getAsRecordDecl()) {
        if (Sub->isAnonymousStructOrUnion())
          Scan(Sub);
        continue;
      }
      if (!isFunctionPointer(T))
        continue;
      ++Fns;
      const auto *FT = T->getPointeeType()->getAs<FunctionProtoType>();
      if (!FT || FT->getNumParams() > 1) {
        Simple = false;
        continue;
      }
      if (FT->getNumParams() == 1 && pointee(FT->getParamType(0)) == R)
        Self = true;
    }
  };
  Scan(R);
  return Fns >= 1 && Fns <= 2 && Simple && Self;
}

/// Does an object of type R hold callbacks: function pointers of its own or
/// of a structure embedded in it (a pci_driver's device_driver), or a
/// pointer to a table of methods (a miscdevice's fops)? The callbacks of
/// embedded deferred-execution objects (an rcu_head) do not count.
bool holdsCallbacks(const RecordDecl *R, unsigned Depth) {
  if (!R || !(R = R->getDefinition()) || Depth > 8 || isDeferredObject(R))
    return false;
  for (const FieldDecl *FD : R->fields()) {
    QualType T = fieldElementType(FD);
    if (isFunctionPointer(T))
      return true;
    if (const RecordDecl *Sub = T->getAsRecordDecl()) {
      if (holdsCallbacks(Sub, Depth + 1))
        return true;
    } else if (const RecordDecl *P = pointee(T)) {
      if (isOpsTable(P))
        return true;
    }
  }
  return false;
}

/// Is T a function pointer or a pointer to a structure holding callbacks?
bool callbackType(QualType T) {
  if (isFunctionPointer(T))
    return true;
  const RecordDecl *R = pointee(T);
  return R && holdsCallbacks(R);
}

/// The `struct module *` field of R, in R itself (embedded structures
/// included) or, with Hops left, behind one pointer (miscdevice->fops->owner).
/// Returns the path ("owner", "fops->owner") or "".
std::string ownerPath(const RecordDecl *R, unsigned Hops) {
  std::string Found;
  forEachField(R, [&](const FieldDecl *FD) {
    if (!Found.empty())
      return;
    QualType T = fieldElementType(FD);
    if (isModulePointer(T))
      Found = FD->getName().str();
  });
  if (!Found.empty() || Hops == 0)
    return Found;
  forEachField(R, [&](const FieldDecl *FD) {
    if (!Found.empty())
      return;
    if (const RecordDecl *P = pointee(fieldElementType(FD))) {
      std::string Sub = ownerPath(P, Hops - 1);
      if (!Sub.empty())
        Found = FD->getName().str() + "->" + Sub;
    }
  });
  return Found;
}

/// Does an object of type R count its own references (a kref, refcount_t or
/// percpu_ref, possibly inside an embedded kobject or device)? Such an
/// object is not a table of callbacks handed to an interface but a kernel
/// object whose references govern its lifetime (an sk_buff, a Qdisc, a
/// kobject); methods of a module inside it outliving the module are Alan
/// Stern's rule, for the lifetime checks.
bool countsReferences(const RecordDecl *R) {
  bool Found = false;
  std::function<void(const RecordDecl *, unsigned)> Walk =
      [&](const RecordDecl *Rec, unsigned Depth) {
        if (!Rec || !(Rec = Rec->getDefinition()) || Depth > 8 || Found)
          return;
        for (const FieldDecl *FD : Rec->fields()) {
          const RecordDecl *Sub = fieldElementType(FD)->getAsRecordDecl();
          if (!Sub)
            continue;
          llvm::StringRef N = Sub->getName();
          if (N == "kref" || N == "refcount_struct" || N == "percpu_ref")
            Found = true;
          else
            Walk(Sub, Depth + 1);
        }
      };
  Walk(R, 0);
  return Found;
}

/// Removes `*&` pairs and casts: WRITE_ONCE(x, v) stores through
/// `*(volatile typeof(x) *)&(x)`, smp_store_release(&p, v) through `*&p`.
const Expr *lvalueOf(const Expr *E) {
  while (true) {
    E = stripCasts(E);
    const auto *U = dyn_cast_or_null<UnaryOperator>(E);
    if (!U || U->getOpcode() != UO_Deref)
      return E;
    const auto *A = dyn_cast<UnaryOperator>(stripCasts(U->getSubExpr()));
    if (!A || A->getOpcode() != UO_AddrOf)
      return E;
    E = A->getSubExpr();
  }
}

const VarDecl *declOf(const Expr *E) {
  if (const auto *D = dyn_cast_or_null<DeclRefExpr>(stripCasts(E)))
    return dyn_cast<VarDecl>(D->getDecl());
  return nullptr;
}

/// The variable an access path (`a.b`, `p->b.c`, `p[i]`, `*p`) starts from,
/// and whether the path goes through a pointer on the way.
const VarDecl *rootOf(const Expr *E, bool &ThroughPointer) {
  ThroughPointer = false;
  E = lvalueOf(E);
  while (E) {
    if (const auto *M = dyn_cast<MemberExpr>(E)) {
      ThroughPointer |= M->isArrow();
      E = lvalueOf(M->getBase());
    } else if (const auto *A = dyn_cast<ArraySubscriptExpr>(E)) {
      // `arr[i]` stays in the array; `ptr[i]` goes through the pointer.
      ThroughPointer |= !A->getBase()->IgnoreParenImpCasts()->getType()->isArrayType();
      E = lvalueOf(A->getBase());
    } else if (const auto *U = dyn_cast<UnaryOperator>(E)) {
      if (U->getOpcode() != UO_Deref)
        return nullptr;
      ThroughPointer = true;
      E = lvalueOf(U->getSubExpr());
    } else {
      return declOf(E);
    }
  }
  return nullptr;
}

} // namespace modsafe

// Facts about the fields of a driver's objects, for the sleep analysis's
// path conditions: `if (dev->flags & INITED) return 0;` before an
// allocation, `else if (adapter->intern_err)` before a reset.
//
// An atom is one test of one field of an object reached through a pointer
// (`p->f`, `p->f == K`, `p->f & K`, and their negations); what the tests
// on a path say about one field is a FieldKnow.
#pragma once

#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"

#include <cstdint>
#include <optional>
#include <set>

namespace modsafe {

struct FieldAtom {
  enum Kind { Truth, Eq, Bits };
  const clang::FieldDecl *F = nullptr;
  const clang::Expr *Base = nullptr; // the pointer `p` of `p->f`
  Kind K = Truth;
  int64_t C = 0;     // Eq: the constant; Bits: the mask
  bool Holds = true; // the test's value on the path
  bool sameTest(const FieldAtom &O) const {
    return F == O.F && K == O.K && C == O.C && Holds == O.Holds;
  }
};

/// Cond, taking value Holds, as a test of one field, or nothing.
std::optional<FieldAtom> fieldAtom(const clang::Expr *Cond, bool Holds,
                                   const clang::ASTContext &Ctx);

/// The member `p->f` E is (parentheses and casts aside), or null.
const clang::MemberExpr *arrowMember(const clang::Expr *E);

/// Whether a store `p->f Op= V` (V: its value when constant) may set one
/// of the bits of Mask (all ones: make the field nonzero).
bool storeMaySet(clang::BinaryOperatorKind Op, std::optional<int64_t> V,
                 uint64_t Mask);

/// The bits a test that holds says are set (all ones: "nonzero").
uint64_t atomSetMask(const FieldAtom &A);

/// What tests say about one field of one object.
struct FieldKnow {
  std::optional<int64_t> Eq;
  std::set<int64_t> Ne;
  uint64_t Set = 0; // bits known set

  void apply(const FieldAtom &A);
  bool empty() const { return !Eq && Ne.empty() && !Set; }
  /// The field's value when the facts leave one: an equality, or an enum
  /// field (enums are closed: it holds one of its enumerators) with all
  /// enumerators but one ruled out.
  std::optional<int64_t> value(const clang::FieldDecl *F) const;
  /// Bits known set.
  uint64_t bits() const { return Set | (Eq ? uint64_t(*Eq) : 0); }
};

} // namespace modsafe

#include "FieldFacts.h"

#include "clang/AST/ASTContext.h"

using namespace clang;

namespace modsafe {

const MemberExpr *arrowMember(const Expr *E) {
  if (!E)
    return nullptr;
  const auto *M = dyn_cast<MemberExpr>(E->IgnoreParenCasts());
  if (!M || !M->isArrow() || !isa<FieldDecl>(M->getMemberDecl()))
    return nullptr;
  QualType T = M->getType();
  if (!T->isIntegralOrEnumerationType() && !T->isPointerType())
    return nullptr;
  return M;
}

static std::optional<int64_t> constant(const Expr *E, const ASTContext &Ctx) {
  if (!E || E->isValueDependent())
    return std::nullopt;
  if (E->getType()->isPointerType())
    return E->isNullPointerConstant(const_cast<ASTContext &>(Ctx),
                                    Expr::NPC_ValueDependentIsNotNull)
               ? std::optional<int64_t>(0)
               : std::nullopt;
  Expr::EvalResult R;
  if (!E->EvaluateAsInt(R, Ctx))
    return std::nullopt;
  return R.Val.getInt().getExtValue();
}

std::optional<FieldAtom> fieldAtom(const Expr *Cond, bool Holds,
                                   const ASTContext &Ctx) {
  for (int Depth = 0; Cond && Depth < 8; ++Depth) {
    const Expr *E = Cond->IgnoreParenCasts();
    if (const auto *U = dyn_cast<UnaryOperator>(E)) {
      if (U->getOpcode() != UO_LNot)
        return std::nullopt;
      Holds = !Holds;
      Cond = U->getSubExpr();
      continue;
    }
    if (const MemberExpr *M = arrowMember(E)) {
      FieldAtom A;
      A.F = cast<FieldDecl>(M->getMemberDecl());
      A.Base = M->getBase();
      A.K = FieldAtom::Truth;
      A.Holds = Holds;
      return A;
    }
    const auto *B = dyn_cast<BinaryOperator>(E);
    if (!B)
      return std::nullopt;
    const Expr *L = B->getLHS(), *R = B->getRHS();
    std::optional<int64_t> CL = constant(L, Ctx), CR = constant(R, Ctx);
    if (CL && !CR) {
      std::swap(L, R);
      std::swap(CL, CR);
    }
    if (!CR || CL)
      return std::nullopt;
    switch (B->getOpcode()) {
    case BO_EQ:
    case BO_NE: {
      bool Eq = B->getOpcode() == BO_EQ;
      if (const MemberExpr *M = arrowMember(L)) {
        FieldAtom A;
        A.F = cast<FieldDecl>(M->getMemberDecl());
        A.Base = M->getBase();
        A.K = FieldAtom::Eq;
        A.C = *CR;
        A.Holds = Eq == Holds;
        return A;
      }
      if (*CR != 0)
        return std::nullopt;
      // (p->f & K) == 0 and the like: the test of the left side, negated.
      Holds = Eq ? !Holds : Holds;
      Cond = L;
      continue;
    }
    case BO_And:
      if (const MemberExpr *M = arrowMember(L)) {
        if (!M->getType()->isIntegralOrEnumerationType() || *CR == 0)
          return std::nullopt;
        FieldAtom A;
        A.F = cast<FieldDecl>(M->getMemberDecl());
        A.Base = M->getBase();
        A.K = FieldAtom::Bits;
        A.C = *CR;
        A.Holds = Holds;
        return A;
      }
      return std::nullopt;
    default:
      return std::nullopt;
    }
  }
  return std::nullopt;
}

bool storeMaySet(BinaryOperatorKind Op, std::optional<int64_t> V, uint64_t Mask) {
  switch (Op) {
  case BO_AndAssign:
    return false; // clears bits, never sets one
  case BO_Assign:
  case BO_OrAssign:
  case BO_XorAssign:
    return !V || (uint64_t(*V) & Mask) != 0;
  default:
    return true;
  }
}

uint64_t atomSetMask(const FieldAtom &A) {
  if (!A.Holds)
    return 0;
  switch (A.K) {
  case FieldAtom::Truth:
    return ~uint64_t(0);
  case FieldAtom::Eq:
    return A.C ? uint64_t(A.C) : 0;
  case FieldAtom::Bits:
    return uint64_t(A.C);
  }
  return 0;
}

void FieldKnow::apply(const FieldAtom &A) {
  switch (A.K) {
  case FieldAtom::Truth:
    if (A.Holds)
      Ne.insert(0);
    else if (!Eq)
      Eq = 0;
    break;
  case FieldAtom::Eq:
    if (A.Holds) {
      if (!Eq)
        Eq = A.C;
    } else {
      Ne.insert(A.C);
    }
    break;
  case FieldAtom::Bits:
    // One bit tested set is known set; of several, only "some".
    if (A.Holds) {
      if ((uint64_t(A.C) & (uint64_t(A.C) - 1)) == 0)
        Set |= uint64_t(A.C);
      else
        Ne.insert(0);
    }
    break;
  }
}

std::optional<int64_t> FieldKnow::value(const FieldDecl *F) const {
  if (Eq)
    return Eq;
  const auto *ET = F->getType()->getAs<EnumType>();
  if (!ET || !ET->getDecl()->isComplete())
    return std::nullopt;
  std::optional<int64_t> Only;
  for (const EnumConstantDecl *C : ET->getDecl()->enumerators()) {
    int64_t V = C->getInitVal().getExtValue();
    if (Ne.count(V) || (uint64_t(V) & Set) != Set)
      continue;
    if (Only && *Only != V)
      return std::nullopt;
    Only = V;
  }
  return Only;
}

} // namespace modsafe

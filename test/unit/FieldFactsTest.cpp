// Field tests as the sleep analysis reads them (plugin/FieldFacts.h).
#include "FieldFacts.h"

#include "clang/AST/ASTContext.h"
#include "clang/Tooling/Tooling.h"

#include <gtest/gtest.h>

using namespace clang;
using namespace modsafe;

namespace {

const char *Code = R"(
enum kind { K_ONE = 1, K_TWO = 2 };
enum wide { W_A, W_B, W_C };
struct s { enum kind type; enum wide w; unsigned flags; _Bool on; struct s *next; int n; };
int t_truth(struct s *p) { return p->on; }
int t_not(struct s *p) { return !p->on; }
int t_eq(struct s *p) { return p->type == K_TWO; }
int t_ne(struct s *p) { return K_ONE != p->type; }
int t_bits(struct s *p) { return p->flags & (1U << 2); }
int t_bits_zero(struct s *p) { return (p->flags & 4) == 0; }
int t_ptr(struct s *p) { return p->next != 0; }
int t_other(struct s *p, int x) { return p->n < x; }
int t_dot(struct s v) { return v.on; }
)";

struct Fixture : ::testing::Test {
  std::unique_ptr<ASTUnit> AST = tooling::buildASTFromCodeWithArgs(Code, {"-xc"});

  /// The returned expression of function Name.
  const Expr *ret(StringRef Name) {
    for (const Decl *D : AST->getASTContext().getTranslationUnitDecl()->decls())
      if (const auto *F = dyn_cast<FunctionDecl>(D))
        if (F->getName() == Name && F->hasBody())
          for (const Stmt *S : cast<CompoundStmt>(F->getBody())->body())
            if (const auto *R = dyn_cast<ReturnStmt>(S))
              return R->getRetValue();
    return nullptr;
  }
  std::optional<FieldAtom> atom(StringRef Name, bool Holds = true) {
    return fieldAtom(ret(Name), Holds, AST->getASTContext());
  }
};

} // namespace

TEST_F(Fixture, AtomsOfEachForm) {
  auto A = atom("t_truth");
  ASSERT_TRUE(A);
  EXPECT_EQ(A->F->getName(), "on");
  EXPECT_EQ(A->K, FieldAtom::Truth);
  EXPECT_TRUE(A->Holds);

  A = atom("t_not");
  ASSERT_TRUE(A);
  EXPECT_FALSE(A->Holds);

  A = atom("t_eq", false);
  ASSERT_TRUE(A);
  EXPECT_EQ(A->K, FieldAtom::Eq);
  EXPECT_EQ(A->C, 2);
  EXPECT_FALSE(A->Holds);

  A = atom("t_ne"); // constant on the left, negated
  ASSERT_TRUE(A);
  EXPECT_EQ(A->K, FieldAtom::Eq);
  EXPECT_EQ(A->C, 1);
  EXPECT_FALSE(A->Holds);

  A = atom("t_bits");
  ASSERT_TRUE(A);
  EXPECT_EQ(A->K, FieldAtom::Bits);
  EXPECT_EQ(A->C, 4);

  A = atom("t_bits_zero");
  ASSERT_TRUE(A);
  EXPECT_EQ(A->K, FieldAtom::Bits);
  EXPECT_FALSE(A->Holds);

  A = atom("t_ptr");
  ASSERT_TRUE(A);
  EXPECT_EQ(A->F->getName(), "next");
  EXPECT_EQ(A->K, FieldAtom::Eq);
  EXPECT_FALSE(A->Holds); // next == 0 does not hold
}

TEST_F(Fixture, NotAtoms) {
  EXPECT_FALSE(atom("t_other")); // compared with a variable
  EXPECT_FALSE(atom("t_dot"));   // not reached through a pointer
}

TEST_F(Fixture, EnumsAreClosed) {
  FieldAtom NotOne = *atom("t_ne"); // type != K_ONE
  FieldKnow K;
  EXPECT_FALSE(K.value(NotOne.F));
  K.apply(NotOne);
  ASSERT_TRUE(K.value(NotOne.F));
  EXPECT_EQ(*K.value(NotOne.F), 2);

  // Three enumerators, one ruled out: not known.
  const auto *W = cast<MemberExpr>(ret("t_truth")->IgnoreParenCasts());
  const FieldDecl *Wide = nullptr;
  for (const FieldDecl *F : cast<FieldDecl>(W->getMemberDecl())->getParent()->fields())
    if (F->getName() == "w")
      Wide = F;
  ASSERT_TRUE(Wide);
  FieldKnow KW;
  FieldAtom A;
  A.F = Wide;
  A.K = FieldAtom::Eq;
  A.C = 0;
  A.Holds = false;
  KW.apply(A);
  EXPECT_FALSE(KW.value(Wide));
  A.C = 2;
  KW.apply(A);
  ASSERT_TRUE(KW.value(Wide));
  EXPECT_EQ(*KW.value(Wide), 1);
}

TEST_F(Fixture, BitsAndStores) {
  FieldKnow K;
  K.apply(*atom("t_bits"));
  EXPECT_EQ(K.bits(), 4u);
  EXPECT_FALSE(K.value(atom("t_bits")->F)); // an unsigned: only the bit

  EXPECT_TRUE(storeMaySet(BO_OrAssign, 4, 4));
  EXPECT_FALSE(storeMaySet(BO_OrAssign, 8, 4));
  EXPECT_FALSE(storeMaySet(BO_AndAssign, std::nullopt, ~0ull));
  EXPECT_FALSE(storeMaySet(BO_Assign, 0, ~0ull));
  EXPECT_TRUE(storeMaySet(BO_Assign, std::nullopt, 4));
  EXPECT_TRUE(storeMaySet(BO_AddAssign, 0, 4));
  EXPECT_EQ(atomSetMask(*atom("t_truth")), ~0ull);
  EXPECT_EQ(atomSetMask(*atom("t_not")), 0u);
}

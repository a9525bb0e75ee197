// unchecked-get (Rule #1): a try_module_get (or another getter that can fail,
// from the knowledge base) whose result is thrown away. Rusty's guide: "If
// try_module_get() returns 0 (false), the function pointer must *not* be
// called" — which needs the result.
#include "../Analysis.h"
#include "../KernelExpr.h"

#include "clang/AST/Expr.h"
#include "clang/AST/Stmt.h"

#include <set>

using namespace clang;

namespace modsafe {
namespace {

class UncheckedGetCheck : public Check {
public:
  UncheckedGetCheck() : Check("unchecked-get") {}

  void run(AnalysisContext &AC) override {
    std::set<std::string> Fallible;
    for (const nlohmann::json &E : AC.kb().section("ref_get"))
      if (E.contains("function") && E["result"] != "void")
        Fallible.insert(E["function"].get<std::string>());
    for (const Decl *D : AC.ownDecls())
      if (const auto *FD = dyn_cast<FunctionDecl>(D))
        if (FD->doesThisDeclarationHaveABody())
          walk(AC, FD->getBody(), Fallible);
  }

private:
  // Expressions in statement position: their value is discarded.
  void discarded(AnalysisContext &AC, const Stmt *S,
                 const std::set<std::string> &Fallible) {
    const auto *E = dyn_cast_or_null<Expr>(S);
    if (!E)
      return;
    E = E->IgnoreParens();
    if (const auto *C = dyn_cast<CStyleCastExpr>(E))
      if (C->getType()->isVoidType())
        E = C->getSubExpr()->IgnoreParenImpCasts();
    if (const auto *B = dyn_cast<BinaryOperator>(E))
      if (B->getOpcode() == BO_Comma) {
        discarded(AC, B->getLHS(), Fallible);
        discarded(AC, B->getRHS(), Fallible);
        return;
      }
    const auto *Call = dyn_cast<CallExpr>(E);
    const FunctionDecl *F = Call ? Call->getDirectCallee() : nullptr;
    if (!F || !Fallible.count(AC.kb().canonical(F->getName().str())))
      return;
    Finding Fd;
    Fd.Check = id();
    Fd.Loc = Call->getBeginLoc();
    Fd.Message = "result of '" + F->getName().str() +
                 "' is ignored: when it fails the module is going away and "
                 "its code must not be called, and no reference was taken to "
                 "put later (Rule #1)";
    Fd.Notes.push_back({Call->getBeginLoc(),
                        "test it: 'if (!" + F->getName().str() +
                            "(...)) return -ENODEV;' and treat failure as if the "
                            "registration did not exist"});
    AC.reporter().report(std::move(Fd));
  }

  void walk(AnalysisContext &AC, const Stmt *S,
            const std::set<std::string> &Fallible) {
    if (!S)
      return;
    auto body = [&](const Stmt *B) {
      if (B && !isa<CompoundStmt>(B))
        discarded(AC, B, Fallible);
    };
    if (const auto *CS = dyn_cast<CompoundStmt>(S))
      for (const Stmt *C : CS->body())
        discarded(AC, C, Fallible);
    else if (const auto *I = dyn_cast<IfStmt>(S)) {
      body(I->getThen());
      body(I->getElse());
    } else if (const auto *W = dyn_cast<WhileStmt>(S))
      body(W->getBody());
    else if (const auto *Dw = dyn_cast<DoStmt>(S))
      body(Dw->getBody());
    else if (const auto *F = dyn_cast<ForStmt>(S)) {
      body(F->getBody());
      discarded(AC, F->getInc(), Fallible);
    } else if (const auto *L = dyn_cast<LabelStmt>(S))
      body(L->getSubStmt());
    else if (const auto *Sc = dyn_cast<SwitchCase>(S))
      body(Sc->getSubStmt());
    for (const Stmt *C : S->children())
      walk(AC, C, Fallible);
  }
};

} // namespace

std::unique_ptr<Check> createUncheckedGetCheck() {
  return std::make_unique<UncheckedGetCheck>();
}

} // namespace modsafe

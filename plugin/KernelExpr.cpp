#include "KernelExpr.h"

#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"

using namespace clang;

namespace modsafe {

const Expr *stripCasts(const Expr *E) {
  while (E) {
    const Expr *N = E->IgnoreParenImpCasts();
    if (const auto *C = dyn_cast<CastExpr>(N))
      N = C->getSubExpr();
    if (N == E)
      return E;
    E = N;
  }
  return E;
}

bool expandedFrom(SourceLocation Loc, llvm::StringRef Macro,
                  const SourceManager &SM, const LangOptions &LO) {
  while (Loc.isMacroID()) {
    if (Lexer::getImmediateMacroName(Loc, SM, LO) == Macro)
      return true;
    Loc = SM.getImmediateMacroCallerLoc(Loc);
  }
  return false;
}

std::vector<std::string> macroStack(SourceLocation Loc, const SourceManager &SM,
                                    const LangOptions &LO) {
  std::vector<std::string> R;
  while (Loc.isMacroID()) {
    R.push_back(Lexer::getImmediateMacroName(Loc, SM, LO).str());
    Loc = SM.getImmediateMacroCallerLoc(Loc);
  }
  return R;
}

bool isThisModule(const Expr *E, const ASTContext &Ctx) {
  if (!E)
    return false;
  const Expr *S = stripCasts(E);
  if (const auto *U = dyn_cast<UnaryOperator>(S))
    if (U->getOpcode() == UO_AddrOf)
      if (const auto *D = dyn_cast<DeclRefExpr>(stripCasts(U->getSubExpr())))
        if (D->getDecl()->getName() == "__this_module")
          return true;
  return expandedFrom(E->getBeginLoc(), "THIS_MODULE", Ctx.getSourceManager(),
                      Ctx.getLangOpts());
}

bool isNullOwner(const Expr *E, const ASTContext &Ctx) {
  if (!E || isa<ImplicitValueInitExpr>(E))
    return true;
  if (isThisModule(E, Ctx))
    return false;
  return E->isNullPointerConstant(const_cast<ASTContext &>(Ctx),
                                  Expr::NPC_ValueDependentIsNotNull) !=
         Expr::NPCK_NotNull;
}

static void collectHanded(const Expr *E, std::vector<const VarDecl *> &Out) {
  E = stripCasts(E);
  if (!E)
    return;
  if (const auto *C = dyn_cast<ConditionalOperator>(E)) {
    collectHanded(C->getTrueExpr(), Out);
    collectHanded(C->getFalseExpr(), Out);
    return;
  }
  if (const auto *U = dyn_cast<UnaryOperator>(E))
    if (U->getOpcode() == UO_AddrOf)
      E = stripCasts(U->getSubExpr());
  if (const auto *D = dyn_cast<DeclRefExpr>(E)) {
    if (const auto *P = dyn_cast<ParmVarDecl>(D->getDecl()))
      Out.push_back(P);
    else if (const auto *V = dyn_cast<VarDecl>(D->getDecl()))
      if (V->hasGlobalStorage())
        Out.push_back(V->getCanonicalDecl());
  }
}

std::vector<const VarDecl *> handedObjects(const Expr *E) {
  std::vector<const VarDecl *> R;
  collectHanded(E, R);
  return R;
}

const RecordDecl *recordOf(QualType T) {
  while (!T.isNull()) {
    if (const auto *RT = T->getAs<RecordType>())
      return RT->getDecl();
    if (T->isPointerType())
      T = T->getPointeeType();
    else if (T->isArrayType())
      T = T->getAsArrayTypeUnsafe()->getElementType();
    else
      return nullptr;
  }
  return nullptr;
}

std::string recordName(QualType T) {
  const RecordDecl *R = recordOf(T);
  if (!R)
    return "";
  if (!R->getName().empty())
    return R->getName().str();
  if (const TypedefNameDecl *TD = R->getTypedefNameForAnonDecl())
    return TD->getName().str();
  return "";
}

bool isModulePointer(QualType T) {
  if (T.isNull() || !T->isPointerType())
    return false;
  const RecordDecl *R = recordOf(T->getPointeeType());
  return R && R->getName() == "module" && !T->getPointeeType()->isPointerType();
}

std::string accessPathKey(const Expr *E,
                          const std::function<std::string(const Expr *)> &Root) {
  E = stripCasts(E);
  if (!E)
    return "";
  if (const auto *U = dyn_cast<UnaryOperator>(E))
    if (U->getOpcode() == UO_AddrOf || U->getOpcode() == UO_Deref)
      return accessPathKey(U->getSubExpr(), Root);
  if (const auto *M = dyn_cast<MemberExpr>(E)) {
    std::string B = accessPathKey(M->getBase(), Root);
    if (B.empty())
      return "";
    // Members of anonymous structs/unions are named as if they were direct.
    const auto *FD = dyn_cast<FieldDecl>(M->getMemberDecl());
    if (FD && FD->isAnonymousStructOrUnion())
      return B;
    return B + "." + M->getMemberDecl()->getName().str();
  }
  return Root(E);
}

std::string objectKey(const Expr *E) {
  return accessPathKey(E, [](const Expr *R) -> std::string {
    if (const auto *D = dyn_cast<DeclRefExpr>(R))
      if (const auto *V = dyn_cast<VarDecl>(D->getDecl()))
        if (V->hasGlobalStorage())
          return "@" + V->getName().str();
    std::string N = recordName(R->getType());
    return N.empty() ? "" : "T:" + N;
  });
}

std::string spelledText(const Expr *E, const SourceManager &SM, const LangOptions &LO) {
  if (!E)
    return "";
  SourceLocation B = SM.getSpellingLoc(E->getBeginLoc());
  SourceLocation En = SM.getSpellingLoc(E->getEndLoc());
  if (B.isInvalid() || En.isInvalid() || SM.getFileID(B) != SM.getFileID(En) ||
      SM.isBeforeInTranslationUnit(En, B))
    return "";
  llvm::StringRef T =
      Lexer::getSourceText(CharSourceRange::getTokenRange(B, En), SM, LO);
  if (T.empty() || T.size() >= 200)
    return "";
  std::string R;
  for (char C : T)
    if (!isspace((unsigned char)C))
      R += C;
  return R;
}

const FunctionDecl *definitionOf(const FunctionDecl *FD) {
  const FunctionDecl *Def = nullptr;
  if (FD && FD->hasBody(Def) && Def && Def->getBody())
    return Def;
  return nullptr;
}

const FunctionDecl *referencedFunction(const Expr *E) {
  E = stripCasts(E);
  if (const auto *U = dyn_cast_or_null<UnaryOperator>(E))
    if (U->getOpcode() == UO_AddrOf)
      E = stripCasts(U->getSubExpr());
  if (const auto *D = dyn_cast_or_null<DeclRefExpr>(E))
    return dyn_cast<FunctionDecl>(D->getDecl());
  return nullptr;
}

std::string macroArgText(SourceLocation L, unsigned N, const SourceManager &SM,
                         const LangOptions &LO) {
  if (!L.isMacroID())
    return "";
  CharSourceRange R = SM.getExpansionRange(L);
  llvm::StringRef T = Lexer::getSourceText(R, SM, LO);
  size_t Open = T.find('(');
  if (Open == llvm::StringRef::npos)
    return "";
  int Depth = 0;
  unsigned Arg = 0;
  std::string Cur;
  for (size_t I = Open + 1; I < T.size(); ++I) {
    char C = T[I];
    if (C == '(' || C == '[' || C == '{')
      ++Depth;
    if (C == ')' || C == ']' || C == '}') {
      if (Depth == 0)
        break;
      --Depth;
    }
    if (C == ',' && Depth == 0) {
      if (Arg == N)
        break;
      ++Arg;
      Cur.clear();
      continue;
    }
    if (!isspace((unsigned char)C))
      Cur += C;
  }
  return Arg == N ? Cur : "";
}

} // namespace modsafe

#include "Analysis.h"
#include "Compat.h"
#include "KernelExpr.h"

#include "clang/AST/Attr.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/Stmt.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Regex.h"

#include <optional>

using namespace clang;

namespace modsafe {

Check::~Check() = default;

AnalysisContext::AnalysisContext(ASTContext &Ctx, Preprocessor &PP,
                                 const KnowledgeBase &KB, Reporter &Rep,
                                 const Options &Opts)
    : Ctx(Ctx), PP(PP), KB(KB), Rep(Rep), Opts(Opts) {
  const SourceManager &SM = Ctx.getSourceManager();
  llvm::StringRef Main = SM.getFileEntryForID(SM.getMainFileID())
                             ? SM.getFilename(SM.getLocForStartOfFile(SM.getMainFileID()))
                             : "";
  llvm::SmallString<256> Dir(llvm::sys::path::parent_path(Main));
  llvm::sys::path::remove_dots(Dir, /*remove_dot_dot=*/true);
  MainDir = std::string(Dir.str());
  if (!Opts.HeaderFilter.empty())
    HeaderFilter = std::make_unique<llvm::Regex>(Opts.HeaderFilter);
}

bool AnalysisContext::isModuleFile(SourceLocation Loc) const {
  const SourceManager &SM = sm();
  SourceLocation E = SM.getExpansionLoc(Loc);
  if (E.isInvalid())
    return false;
  if (SM.isInMainFile(E))
    return true;
  llvm::StringRef Name = SM.getFilename(E);
  llvm::SmallString<256> Dir(llvm::sys::path::parent_path(Name));
  llvm::sys::path::remove_dots(Dir, true);
  if (!MainDir.empty() && Dir.str() == MainDir)
    return true;
  return HeaderFilter && HeaderFilter->match(Name);
}

bool AnalysisContext::isModuleFunction(const FunctionDecl *FD) const {
  if (!FD)
    return false;
  if (const FunctionDecl *Def = FD->getDefinition())
    return isModuleFile(Def->getLocation());
  for (const FunctionDecl *R : FD->redecls())
    if (!isModuleFile(R->getLocation()))
      return false;
  return true;
}

const std::vector<const Decl *> &AnalysisContext::ownDecls() {
  if (Own)
    return *Own;
  Own = std::make_unique<std::vector<const Decl *>>();
  const SourceManager &SM = sm();
  // The main file, plus headers the user asked to hear about.
  const std::unique_ptr<llvm::Regex> &Filter = HeaderFilter;
  std::map<FileID, bool> Wanted;
  for (const Decl *D : Ctx.getTranslationUnitDecl()->decls()) {
    if (!isa<FunctionDecl>(D) && !isa<VarDecl>(D))
      continue;
    SourceLocation L = SM.getExpansionLoc(D->getLocation());
    if (!SM.isInMainFile(L)) {
      if (!Filter)
        continue;
      FileID F = SM.getFileID(L);
      auto It = Wanted.find(F);
      if (It == Wanted.end())
        It = Wanted.emplace(F, Filter->match(SM.getFilename(L))).first;
      if (!It->second)
        continue;
    }
    Own->push_back(D);
  }
  return *Own;
}

const ModuleModel &AnalysisContext::module() {
  if (Module)
    return *Module;
  Module = std::make_unique<ModuleModel>();
  Module->IsModule = Opts.AssumeModule || PP.isMacroDefined("MODULE");
  auto StringMacro = [&](const char *Macro) {
    std::string R;
    if (const MacroInfo *MI = PP.getMacroInfo(PP.getIdentifierInfo(Macro)))
      for (const Token &T : MI->tokens())
        if (T.is(tok::string_literal)) {
          std::string S(T.getLiteralData(), T.getLength());
          if (S.size() >= 2)
            R = S.substr(1, S.size() - 2);
        }
    return R;
  };
  Module->Name = StringMacro("KBUILD_MODNAME");
  Module->BaseName = StringMacro("KBUILD_BASENAME");
  // module_init(fn) under MODULE: int init_module(void) __attribute__((alias("fn"))).
  std::map<std::string, const FunctionDecl *> ByName;
  for (const Decl *D : ownDecls())
    if (const auto *FD = dyn_cast<FunctionDecl>(D))
      if (FD->hasBody())
        ByName[FD->getName().str()] = FD;
  for (const Decl *D : ownDecls()) {
    const auto *FD = dyn_cast<FunctionDecl>(D);
    if (!FD)
      continue;
    if (const auto *A = FD->getAttr<AliasAttr>()) {
      auto It = ByName.find(A->getAliasee().str());
      if (It == ByName.end())
        continue;
      if (FD->getName() == "init_module")
        Module->Init = It->second;
      else if (FD->getName() == "cleanup_module")
        Module->Exit = It->second;
    }
  }
  return *Module;
}

const std::vector<HandOff> &ObjectFacts::handOffs(const VarDecl *V) const {
  static const std::vector<HandOff> None;
  if (!isa<ParmVarDecl>(V))
    V = V->getCanonicalDecl();
  auto It = HandOffs.find(V);
  return It == HandOffs.end() ? None : It->second;
}

bool ObjectFacts::ownerStored(const std::string &Key,
                              const ASTContext &Ctx) const {
  for (const OwnerStore &S : OwnerStores)
    if (S.Key == Key && !isNullOwner(S.Value, Ctx))
      return true;
  return false;
}

namespace {

/// One pass over the module's own code that records where its static
/// objects go (ObjectFacts).
class FactWalker {
public:
  FactWalker(AnalysisContext &AC, ObjectFacts &F) : AC(AC), F(F) {}

  void staticVar(const VarDecl *W) {
    const Expr *Init = W->getInit();
    if (!Init)
      return;
    QualType T = W->getType();
    if (T->isRecordType() || (T->isArrayType() && recordOf(T) && !T->getAsArrayTypeUnsafe()->getElementType()->isPointerType()))
      F.StaticObjects.push_back(W);
    initializer(Init, nullptr, W->getCanonicalDecl(), "");
  }

  void walk(const Stmt *S) {
    if (!S)
      return;
    if (const auto *ILE = dyn_cast<InitListExpr>(S)) {
      // Compound literals and other initializer lists in code: the syntactic
      // and semantic forms share their leaves, walk the semantic one only.
      const InitListExpr *Sem = ILE->isSemanticForm() ? ILE : ILE->getSemanticForm();
      initializer(Sem ? Sem : ILE, nullptr, nullptr, "");
      return;
    }
    if (const auto *C = dyn_cast<CallExpr>(S))
      call(C);
    else if (const auto *B = dyn_cast<BinaryOperator>(S)) {
      if (B->getOpcode() == BO_Assign)
        assign(B);
    } else if (const auto *DS = dyn_cast<DeclStmt>(S)) {
      for (const Decl *D : DS->decls())
        if (const auto *V = dyn_cast<VarDecl>(D)) {
          if (V->hasGlobalStorage())
            staticVar(V);
          else if (V->getInit()) {
            const Expr *I = V->getInit()->IgnoreImplicit();
            if (isa<InitListExpr>(I))
              initializer(I, nullptr, nullptr, "");
            else {
              escape(I, V->getLocation());
              walk(I);
            }
          }
        }
      return;
    } else if (const auto *R = dyn_cast<ReturnStmt>(S)) {
      if (R->getRetValue())
        escape(R->getRetValue(), R->getBeginLoc());
    }
    for (const Stmt *Child : S->children())
      walk(Child);
  }

private:
  AnalysisContext &AC;
  ObjectFacts &F;

  void add(const VarDecl *V, HandOff H) { F.HandOffs[V].push_back(std::move(H)); }

  void escape(const Expr *E, SourceLocation Loc) {
    for (const VarDecl *V : handedObjects(E)) {
      HandOff H;
      H.K = HandOff::Escape;
      H.Loc = E->getBeginLoc().isValid() ? E->getBeginLoc() : Loc;
      add(V, H);
    }
  }

  void call(const CallExpr *C) {
    const FunctionDecl *Callee = C->getDirectCallee();
    for (unsigned I = 0; I < C->getNumArgs(); ++I)
      for (const VarDecl *V : handedObjects(C->getArg(I))) {
        HandOff H;
        H.K = HandOff::CallArg;
        H.Loc = C->getArg(I)->getBeginLoc();
        H.Call = C;
        H.Callee = Callee;
        H.CalleeName = Callee ? Callee->getName().str() : "";
        H.ArgIndex = I;
        add(V, H);
      }
  }

  // The struct a field belongs to, looking through anonymous structs and
  // unions (struct inode keeps i_fop in an unnamed union).
  std::string namedRecord(const RecordDecl *R) const {
    while (R && R->isAnonymousStructOrUnion())
      R = dyn_cast<RecordDecl>(R->getParent());
    return R ? recordName(AC.ast().getRecordType(R)) : "";
  }
  std::string namedParent(const FieldDecl *FD) const {
    return namedRecord(FD->getParent());
  }

  // The static variable a member chain of '.' accesses starts from, if any.
  static const VarDecl *staticRoot(const Expr *E) {
    E = stripCasts(E);
    while (const auto *M = dyn_cast_or_null<MemberExpr>(E)) {
      if (M->isArrow())
        return nullptr;
      E = stripCasts(M->getBase());
    }
    if (const auto *D = dyn_cast_or_null<DeclRefExpr>(E))
      if (const auto *V = dyn_cast<VarDecl>(D->getDecl()))
        if (V->hasGlobalStorage())
          return V->getCanonicalDecl();
    return nullptr;
  }

  void assign(const BinaryOperator *B) {
    const Expr *L = stripCasts(B->getLHS());
    const Expr *R = B->getRHS();
    const auto *M = dyn_cast<MemberExpr>(L);
    if (M && isModulePointer(M->getType()))
      F.OwnerStores.push_back({objectKey(M), R, B->getOperatorLoc()});
    std::vector<const VarDecl *> Objs = handedObjects(R);
    if (Objs.empty())
      return;
    for (const VarDecl *V : Objs) {
      HandOff H;
      H.Loc = R->getBeginLoc();
      if (M) {
        const auto *FD = dyn_cast<FieldDecl>(M->getMemberDecl());
        H.FieldName = M->getMemberDecl()->getName().str();
        H.FieldStruct = FD ? namedParent(FD) : "";
        if (const VarDecl *W = staticRoot(M)) {
          H.K = HandOff::Wrapper;
          H.WrapperVar = W;
        } else {
          H.K = HandOff::FieldStore;
          H.BaseKey = objectKey(M->getBase());
        }
      } else {
        H.K = HandOff::Escape;
      }
      add(V, H);
    }
  }

  // Walks an initializer (semantic form) of object W (null: not a static
  // object), recording the objects it holds and the field they sit in.
  void initializer(const Expr *E, const RecordDecl *RD, const VarDecl *W,
                   const std::string &Field) {
    if (!E)
      return;
    E = E->IgnoreImplicit();
    if (const auto *ILE = dyn_cast<InitListExpr>(E)) {
      if (!ILE->isSemanticForm() && ILE->getSemanticForm())
        ILE = ILE->getSemanticForm();
      const RecordDecl *R = recordOf(ILE->getType());
      if (ILE->getType()->isRecordType() && R) {
        unsigned N = 0;
        for (const FieldDecl *FD : R->fields()) {
          if (R->isUnion() && ILE->getInitializedFieldInUnion() != FD)
            continue;
          if (compat::isUnnamedBitField(FD))
            continue;
          if (N >= ILE->getNumInits())
            break;
          initializer(ILE->getInit(N++), R, W, FD->getName().str());
        }
      } else {
        for (unsigned N = 0; N < ILE->getNumInits(); ++N)
          initializer(ILE->getInit(N), RD, W, Field);
      }
      return;
    }
    for (const VarDecl *V : handedObjects(E)) {
      if (V == W)
        continue;
      HandOff H;
      H.Loc = E->getBeginLoc();
      H.FieldName = Field;
      H.FieldStruct = RD ? namedRecord(RD) : "";
      if (W) {
        H.K = HandOff::Wrapper;
        H.WrapperVar = W;
      } else if (RD) {
        H.K = HandOff::FieldStore;
        H.BaseKey = "T:" + H.FieldStruct;
      } else {
        H.K = HandOff::Escape;
      }
      add(V, H);
    }
    // Calls and statement expressions inside initializers of locals.
    if (!W)
      walk(E);
  }
};

} // namespace

const std::vector<std::pair<const FunctionDecl *, RefEvents>> &
AnalysisContext::refEvents() {
  if (!Refs)
    Refs = std::make_unique<std::vector<std::pair<const FunctionDecl *, RefEvents>>>(
        computeRefEvents(*this));
  return *Refs;
}

SleepAnalysis &AnalysisContext::sleep() {
  if (!Sleep)
    Sleep = std::make_unique<SleepAnalysis>(*this);
  return *Sleep;
}

UnloadAnalysis &AnalysisContext::unload() {
  if (!Unload)
    Unload = std::make_unique<UnloadAnalysis>(*this);
  return *Unload;
}

UnsafeInterfaces &AnalysisContext::unsafeRegistrations() {
  if (!Unsafe)
    Unsafe = std::make_unique<UnsafeInterfaces>(*this);
  return *Unsafe;
}

const ObjectFacts &AnalysisContext::objects() {
  if (Objects)
    return *Objects;
  Objects = std::make_unique<ObjectFacts>();
  FactWalker W(*this, *Objects);
  for (const Decl *D : ownDecls()) {
    if (const auto *V = dyn_cast<VarDecl>(D))
      W.staticVar(V);
    else if (const auto *FD = dyn_cast<FunctionDecl>(D))
      if (FD->doesThisDeclarationHaveABody())
        W.walk(FD->getBody());
  }
  return *Objects;
}

} // namespace modsafe

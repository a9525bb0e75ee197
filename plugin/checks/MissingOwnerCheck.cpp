// missing-owner (Rule #1, the module's side): an ops structure defined by a
// module, holding callbacks into it, whose owner field is left unset while
// it is handed to an interface that relies on that owner to pin the module.
// docs/checks/missing-owner.md explains the rule, its limits and the fix-it.
#include "../Analysis.h"
#include "../Compat.h"
#include "../KernelExpr.h"

#include "clang/AST/Expr.h"
#include "clang/Lex/Lexer.h"

#include <deque>
#include <functional>
#include <set>

using namespace clang;

namespace modsafe {
namespace {

/// Initializer of field FD within the semantic initializer list ILE of
/// record R (clang omits unnamed bit-fields and all but one union member).
const Expr *initOfField(const InitListExpr *ILE, const FieldDecl *Want) {
  if (!ILE)
    return nullptr;
  if (!ILE->isSemanticForm() && ILE->getSemanticForm())
    ILE = ILE->getSemanticForm();
  const RecordDecl *R = Want->getParent();
  unsigned N = 0;
  for (const FieldDecl *FD : R->fields()) {
    if (R->isUnion() && ILE->getInitializedFieldInUnion() != FD)
      continue;
    if (compat::isUnnamedBitField(FD))
      continue;
    if (N >= ILE->getNumInits())
      return nullptr;
    const Expr *I = ILE->getInit(N++);
    if (FD == Want)
      return I;
  }
  return nullptr;
}

/// Resolves a field path ("driver.owner") in R; empty if it does not exist
/// or does not end in a `struct module *`.
std::vector<const FieldDecl *> resolvePath(const RecordDecl *R,
                                           const std::vector<std::string> &P) {
  std::vector<const FieldDecl *> Out;
  for (size_t I = 0; I < P.size(); ++I) {
    if (!R)
      return {};
    const FieldDecl *Found = nullptr;
    for (const FieldDecl *FD : R->fields())
      if (FD->getName() == P[I])
        Found = FD;
    if (!Found)
      return {};
    Out.push_back(Found);
    R = I + 1 < P.size() ? Found->getType()->getAsRecordDecl() : nullptr;
  }
  if (Out.empty() || !isModulePointer(Out.back()->getType()))
    return {};
  return Out;
}

/// The owner's initializer in an object's initializer list (null if absent).
const Expr *ownerInit(const InitListExpr *ILE,
                      const std::vector<const FieldDecl *> &Path) {
  const Expr *E = ILE;
  for (const FieldDecl *FD : Path) {
    const auto *L = dyn_cast_or_null<InitListExpr>(E ? E->IgnoreImplicit() : nullptr);
    if (!L)
      return nullptr;
    E = initOfField(L, FD);
  }
  return E;
}

/// Does E reference a function written by this module?
bool holdsModuleCallback(const Stmt *S, AnalysisContext &AC) {
  if (!S)
    return false;
  if (const auto *D = dyn_cast<DeclRefExpr>(S))
    if (const auto *FD = dyn_cast<FunctionDecl>(D->getDecl()))
      return AC.isModuleFunction(FD);
  if (const auto *ILE = dyn_cast<InitListExpr>(S))
    if (!ILE->isSemanticForm() && ILE->getSemanticForm())
      S = ILE->getSemanticForm();
  for (const Stmt *C : S->children())
    if (holdsModuleCallback(C, AC))
      return true;
  return false;
}

std::string joinPath(const std::vector<std::string> &P) {
  std::string R;
  for (const std::string &S : P)
    R += (R.empty() ? "" : ".") + S;
  return R;
}

/// The parameter a call hands an object to, when the callee is a function of
/// this module whose body is in this TU (its hand-offs are then followed).
const ParmVarDecl *parameterOf(AnalysisContext &AC, const HandOff &H) {
  if (H.K != HandOff::CallArg || !H.Callee)
    return nullptr;
  const FunctionDecl *Def = H.Callee->getDefinition();
  if (!Def || !Def->doesThisDeclarationHaveABody() || !AC.isModuleFunction(Def))
    return nullptr;
  if (H.ArgIndex >= Def->getNumParams())
    return nullptr;
  return Def->getParamDecl(H.ArgIndex);
}

/// Does a callback of this initializer take a reference on *another* module
/// (a knowledge-base getter whose argument is not THIS_MODULE)? A module
/// pinning itself from its own open() — `if (nowayout)
/// __module_get(THIS_MODULE)` — races with unload and is no owner.
bool callsRefGetter(const Stmt *S, const std::set<std::string> &Getters,
                    const ASTContext &Ctx) {
  if (!S)
    return false;
  if (const auto *C = dyn_cast<CallExpr>(S))
    if (const FunctionDecl *FD = C->getDirectCallee())
      if (Getters.count(FD->getName().str()) &&
          !(C->getNumArgs() > 0 && isThisModule(C->getArg(0), Ctx)))
        return true;
  for (const Stmt *Child : S->children())
    if (callsRefGetter(Child, Getters, Ctx))
      return true;
  return false;
}

const FunctionDecl *takesModuleReference(AnalysisContext &AC,
                                         const InitListExpr *Init) {
  std::set<std::string> Getters;
  for (const nlohmann::json &E : AC.kb().section("ref_get"))
    if (E.contains("function"))
      Getters.insert(E["function"].get<std::string>());
  if (Getters.empty())
    return nullptr;
  std::vector<const FunctionDecl *> Callbacks;
  std::function<void(const Stmt *)> Collect = [&](const Stmt *S) {
    if (!S)
      return;
    if (const auto *D = dyn_cast<DeclRefExpr>(S))
      if (const auto *FD = dyn_cast<FunctionDecl>(D->getDecl()))
        if (AC.isModuleFunction(FD))
          Callbacks.push_back(FD);
    for (const Stmt *C : S->children())
      Collect(C);
  };
  Collect(Init);
  for (const FunctionDecl *FD : Callbacks)
    if (const FunctionDecl *Def = FD->getDefinition())
      if (callsRefGetter(Def->getBody(), Getters, AC.ast()))
        return Def;
  return nullptr;
}

class MissingOwnerCheck : public Check {
public:
  MissingOwnerCheck() : Check("missing-owner") {}
  void run(AnalysisContext &AC) override;

private:
  struct Element {
    const InitListExpr *ILE; // semantic form
    const Expr *ExplicitNull; // `.owner = NULL`, if written
  };
  enum class Verdict { Fill, Pinned, Use, Ignore };

  Verdict classify(AnalysisContext &AC, const HandOff &H, bool Guarded,
                   std::string &Why) const;
  bool ownerSetFor(AnalysisContext &AC, const std::string &Key) const;
  bool typeHasOwnedObject(AnalysisContext &AC, const std::string &Struct) const;
  void fixits(AnalysisContext &AC, const InitListExpr *Sem,
              const Expr *ExplicitNull, const std::vector<std::string> &Path,
              std::vector<FixItHint> &Out) const;
};

// Is the object named by Key (objectKey form) given a non-null owner, by
// its static initializer or by a store anywhere in the module's code?
bool MissingOwnerCheck::ownerSetFor(AnalysisContext &AC,
                                    const std::string &Key) const {
  const ObjectFacts &OF = AC.objects();
  if (OF.ownerStored(Key + ".owner", AC.ast()))
    return true;
  if (Key.rfind("@", 0) == 0) {
    std::string Name = Key.substr(1);
    if (Name.find('.') != std::string::npos)
      return false;
    for (const VarDecl *V : OF.StaticObjects)
      if (V->getName() == Name) {
        const RecordDecl *R = V->getType()->getAsRecordDecl();
        auto Path = resolvePath(R, {"owner"});
        const auto *ILE = dyn_cast_or_null<InitListExpr>(
            V->getInit() ? V->getInit()->IgnoreImplicit() : nullptr);
        if (!Path.empty() && ILE && !isNullOwner(ownerInit(ILE, Path), AC.ast()))
          return true;
      }
  }
  return false;
}

// Does an object of type Struct pin this module (its owner is set)? When no
// object of that type is defined in this translation unit (a filesystem whose
// file_system_type lives in super.c while inode.c stores the fops), one TU
// cannot tell: the pin is assumed, as precision matters more than recall.
bool MissingOwnerCheck::typeHasOwnedObject(AnalysisContext &AC,
                                           const std::string &Struct) const {
  const ObjectFacts &OF = AC.objects();
  bool AnyDefined = false;
  for (const VarDecl *V : OF.StaticObjects) {
    if (recordName(V->getType()) != Struct)
      continue;
    AnyDefined = true;
    if (ownerSetFor(AC, "@" + V->getName().str()))
      return true;
  }
  return !AnyDefined || OF.ownerStored("T:" + Struct + ".owner", AC.ast());
}

MissingOwnerCheck::Verdict
MissingOwnerCheck::classify(AnalysisContext &AC, const HandOff &H, bool Guarded,
                            std::string &Why) const {
  const KnowledgeBase &KB = AC.kb();
  auto pinHolds = [&](const Pin *P) {
    switch (P->By) {
    case Pin::OwnerOfArg:
      return H.Call && P->ByArg >= 0 &&
             unsigned(P->ByArg) < H.Call->getNumArgs() &&
             ownerSetFor(AC, objectKey(H.Call->getArg(P->ByArg)));
    case Pin::OwnerOfBase:
      return !H.BaseKey.empty() && ownerSetFor(AC, H.BaseKey);
    case Pin::OwnerOfType:
      return typeHasOwnedObject(AC, P->ByType);
    }
    return false;
  };

  if (H.K == HandOff::CallArg) {
    // Rule #1's other form: the owner travels as a parameter. A call that
    // hands THIS_MODULE over with the object fills the owner in itself.
    if (H.Call)
      for (const Expr *A : H.Call->arguments())
        if (isThisModule(A, AC.ast())) {
          Why = "'" + H.CalleeName + "' is given THIS_MODULE";
          return Verdict::Fill;
        }
    const Registration *R = KB.registration(H.CalleeName);
    if (!R)
      for (const std::string &M : macroStack(H.Loc, AC.sm(), AC.langOpts()))
        if ((R = KB.registration(M)))
          break;
    if (R && R->Owner == OwnerPolicy::Fills)
      return Why = R->Why, Verdict::Fill;
    for (const Pin *P : KB.callPins(H.CalleeName, H.ArgIndex))
      if (pinHolds(P))
        return Why = P->Why, Verdict::Pinned;
    if (R && R->Owner == OwnerPolicy::Caller &&
        (R->Arg < 0 || unsigned(R->Arg) == H.ArgIndex))
      return Why = R->Why, Verdict::Use;
    if (R && R->Owner == OwnerPolicy::None)
      return Verdict::Ignore;
    return Guarded ? Verdict::Use : Verdict::Ignore;
  }
  if (H.K == HandOff::FieldStore) {
    for (const Pin *P : KB.fieldPins(H.FieldStruct, H.FieldName))
      if (pinHolds(P))
        return Why = P->Why, Verdict::Pinned;
    return Guarded ? Verdict::Use : Verdict::Ignore;
  }
  if (H.K == HandOff::Escape)
    return Guarded ? Verdict::Use : Verdict::Ignore;
  return Verdict::Ignore;
}

void MissingOwnerCheck::fixits(AnalysisContext &AC, const InitListExpr *Sem,
                               const Expr *ExplicitNull,
                               const std::vector<std::string> &Path,
                               std::vector<FixItHint> &Out) const {
  const SourceManager &SM = AC.sm();
  const LangOptions &LO = AC.langOpts();
  if (ExplicitNull) {
    SourceRange R = ExplicitNull->getSourceRange();
    if (R.getBegin().isFileID() && R.getEnd().isFileID())
      Out.push_back(FixItHint::CreateReplacement(R, "THIS_MODULE"));
    else if (R.getBegin().isMacroID() &&
             expandedFrom(R.getBegin(), "NULL", SM, LO) &&
             SM.getImmediateMacroCallerLoc(R.getBegin()).isFileID()) {
      // `.owner = NULL`: replace the NULL token itself.
      SourceLocation L = SM.getExpansionLoc(R.getBegin());
      Out.push_back(FixItHint::CreateReplacement(
          CharSourceRange::getTokenRange(L, L), "THIS_MODULE"));
    }
    return;
  }
  const InitListExpr *Syn = Sem->isSyntacticForm() ? Sem : Sem->getSyntacticForm();
  if (!Syn)
    Syn = Sem;
  if (Syn->getLBraceLoc().isMacroID() || Syn->getNumInits() == 0)
    return;
  // Descend into an existing `.driver = { ... }` for a nested owner path.
  std::vector<std::string> Rest = Path;
  while (Rest.size() > 1) {
    const InitListExpr *Sub = nullptr;
    for (const Expr *I : Syn->inits()) {
      const auto *D = dyn_cast<DesignatedInitExpr>(I);
      if (D && D->size() == 1 && D->getDesignator(0)->isFieldDesignator() &&
          D->getDesignator(0)->getFieldName()->getName() == Rest.front())
        Sub = dyn_cast<InitListExpr>(D->getInit()->IgnoreImplicit());
    }
    if (!Sub)
      break;
    if (!Sub->isSyntacticForm() && Sub->getSyntacticForm())
      Sub = Sub->getSyntacticForm();
    if (Sub->getNumInits() == 0 || Sub->getLBraceLoc().isMacroID())
      break;
    Syn = Sub;
    Rest.erase(Rest.begin());
  }
  // Inserting a designator before positional initializers would shift them.
  for (const Expr *I : Syn->inits())
    if (!isa<DesignatedInitExpr>(I))
      return;
  SourceLocation First = Syn->getInit(0)->getBeginLoc();
  if (First.isMacroID())
    return;
  std::string Text = "." + joinPath(Rest) + " = THIS_MODULE,";
  unsigned BraceLine = SM.getSpellingLineNumber(Syn->getLBraceLoc());
  unsigned FirstLine = SM.getSpellingLineNumber(First);
  if (BraceLine != FirstLine)
    Text += "\n" + Lexer::getIndentationForLine(First, SM).str();
  else
    Text += " ";
  Out.push_back(FixItHint::CreateInsertion(First, Text));
}

void MissingOwnerCheck::run(AnalysisContext &AC) {
  if (!AC.module().IsModule)
    return; // built-in code has no owner to set: THIS_MODULE is NULL there
  const ObjectFacts &OF = AC.objects();
  const KnowledgeBase &KB = AC.kb();
  ASTContext &Ctx = AC.ast();

  for (const VarDecl *V : OF.StaticObjects) {
    const RecordDecl *RD = recordOf(V->getType());
    std::string TypeName = recordName(V->getType());
    if (!RD || TypeName.empty())
      continue;
    const OwnerType *OT = KB.ownerType(TypeName);
    std::vector<std::string> PathNames =
        OT ? OT->FieldPath : std::vector<std::string>{"owner"};
    std::vector<const FieldDecl *> Path = resolvePath(RD, PathNames);
    if (Path.empty())
      continue;

    // The objects whose owner is left unset: the variable, or each element
    // of an array of structures.
    const auto *Init = dyn_cast_or_null<InitListExpr>(
        V->getInit() ? V->getInit()->IgnoreImplicit() : nullptr);
    if (!Init)
      continue;
    if (!Init->isSemanticForm() && Init->getSemanticForm())
      Init = Init->getSemanticForm();
    std::vector<Element> Unset;
    auto consider = [&](const InitListExpr *E) {
      if (!holdsModuleCallback(E, AC))
        return;
      const Expr *O = ownerInit(E, Path);
      if (!isNullOwner(O, Ctx))
        return;
      const Expr *Explicit =
          O && !isa<ImplicitValueInitExpr>(O->IgnoreImplicit()) ? O : nullptr;
      Unset.push_back({E, Explicit});
    };
    if (V->getType()->isArrayType()) {
      for (const Expr *E : Init->inits())
        if (const auto *L = dyn_cast<InitListExpr>(E->IgnoreImplicit()))
          consider(L);
    } else {
      consider(Init);
    }
    if (Unset.empty())
      continue;
    if (OF.ownerStored("@" + V->getName().str() + "." + joinPath(PathNames), Ctx) ||
        OF.ownerStored("T:" + TypeName + "." + joinPath(PathNames), Ctx))
      continue;

    // Follow the object through the static structures that hold it (a
    // miscdevice's .fops) to what is done with them.
    // A module that takes module references in these very callbacks manages
    // its lifetime explicitly (isst_if_open() pins the modules that depend on
    // it); whether it does so correctly is for the reference checks.
    if (const FunctionDecl *Getter = takesModuleReference(AC, Init)) {
      (void)Getter;
      continue;
    }

    struct Via {
      const VarDecl *Obj; // a static object or a parameter
      std::vector<const HandOff *> Chain; // hops from V to Obj
    };
    const VarDecl *Start = V->getCanonicalDecl();
    std::deque<Via> Work{{Start, {}}};
    std::set<const VarDecl *> Seen{Start};
    bool Filled = false;
    const HandOff *Use = nullptr;
    std::vector<const HandOff *> UseChain;
    std::string UseWhy;
    int UseRank = 99;
    while (!Work.empty() && !Filled) {
      Via Cur = Work.front();
      Work.pop_front();
      for (const HandOff &H : OF.handOffs(Cur.Obj)) {
        // Into a function of this TU: follow what it does with the parameter.
        if (const ParmVarDecl *P = parameterOf(AC, H)) {
          if (Seen.insert(P).second) {
            Via Next = Cur;
            Next.Obj = P;
            Next.Chain.push_back(&H);
            Work.push_back(Next);
          }
          continue;
        }
        if (H.K == HandOff::Wrapper) {
          if (H.WrapperVar && Seen.insert(H.WrapperVar).second) {
            Via Next = Cur;
            Next.Obj = H.WrapperVar;
            Next.Chain.push_back(&H);
            Work.push_back(Next);
          }
          continue;
        }
        std::string Why;
        Verdict Vd = classify(AC, H, OT != nullptr, Why);
        if (Vd == Verdict::Fill) {
          Filled = true;
          break;
        }
        if (Vd != Verdict::Use)
          continue;
        // Prefer a known registration, then any call, for the note.
        int Rank = H.K == HandOff::CallArg
                       ? (KB.registration(H.CalleeName) ? 0 : 1)
                       : (H.K == HandOff::FieldStore ? 2 : 3);
        if (Rank < UseRank) {
          UseRank = Rank;
          Use = &H;
          UseChain = Cur.Chain;
          UseWhy = Why;
        }
      }
    }
    if (Filled || !Use)
      continue;

    Finding F;
    F.Check = id();
    F.Loc = V->getLocation();
    std::string Owner = "." + joinPath(PathNames);
    bool AnyExplicit = false;
    for (const Element &E : Unset)
      AnyExplicit |= E.ExplicitNull != nullptr;
    F.Message = "'" + V->getName().str() + "' (struct " + TypeName +
                ") holds callbacks into this module but " +
                (AnyExplicit ? "sets '" + Owner + "' to NULL"
                             : "leaves '" + Owner + "' unset") +
                "; the interface it is handed to cannot pin the module while "
                "calling them (Rule #1)";
    switch (Use->K) {
    case HandOff::CallArg:
      F.Notes.push_back({Use->Loc, Use->CalleeName.empty()
                                       ? std::string("handed to an indirect call here")
                                       : "handed to '" + Use->CalleeName + "' here"});
      break;
    case HandOff::FieldStore:
      F.Notes.push_back({Use->Loc, "stored in field '" + Use->FieldName +
                                       "' of struct " + Use->FieldStruct +
                                       " here"});
      break;
    default:
      F.Notes.push_back({Use->Loc, "its address escapes here"});
      break;
    }
    for (const HandOff *W : UseChain) {
      if (W->K == HandOff::CallArg) {
        const ParmVarDecl *P = parameterOf(AC, *W);
        F.Notes.push_back({W->Loc, "passed to '" + W->CalleeName + "'" +
                                       (P && !P->getName().empty()
                                            ? " as '" + P->getName().str() + "'"
                                            : std::string()) +
                                       " here"});
        continue;
      }
      QualType WT = W->WrapperVar->getType();
      std::string TypeText = WT->isRecordType()
                                 ? "struct " + recordName(WT)
                                 : WT.getAsString(Ctx.getPrintingPolicy());
      F.Notes.push_back({W->Loc, "through '" + W->WrapperVar->getName().str() +
                                     "' (" + TypeText + ")" +
                                     (W->FieldName.empty() || !WT->isRecordType()
                                          ? std::string()
                                          : ", field '" + W->FieldName + "'")});
    }
    std::string Why = !UseWhy.empty() ? UseWhy : (OT ? OT->Why : "");
    F.Notes.push_back({V->getLocation(),
                       "set '" + Owner + " = THIS_MODULE' so that the module "
                       "cannot be unloaded while the interface calls into it" +
                           (Why.empty() ? std::string() : " (" + Why + ")")});
    for (const Element &E : Unset)
      fixits(AC, E.ILE, E.ExplicitNull, PathNames, F.Fixits);
    AC.reporter().report(std::move(F));
  }
}

} // namespace

std::unique_ptr<Check> createMissingOwnerCheck() {
  return std::make_unique<MissingOwnerCheck>();
}

} // namespace modsafe

// interface-no-owner (Rule #1, the interface author's side): a function other
// code can call (exported, or declared in a header) that keeps the caller's
// function pointers for later calls — stores them, or a structure holding
// them, in storage that outlives the call — while neither that structure nor
// the parameters carry a `struct module *` owner, so nothing lets the
// interface pin the caller's module before calling in. Interfaces the
// knowledge base knows to be safe by other means (a synchronous unregister,
// callbacks that never sleep) are not reported, nor are objects pinned by
// another registration (Rusty's batching) or by the caller's own objects.
// docs/checks/interface-no-owner.md explains the rule, its limits and the fix.
#include "../Analysis.h"
#include "../CallbackTypes.h"
#include "../KernelExpr.h"

#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/Stmt.h"

#include <functional>
#include <map>
#include <set>

using namespace clang;

namespace modsafe {
namespace {

/// One step of the path from the interface to where the callbacks are kept.
struct Hop {
  SourceLocation Loc;
  std::string Callee, Param;
};

/// Where a parameter's callbacks end up.
struct Keep {
  enum Kind { Global, Field, Linked, Handed } K;
  SourceLocation Loc;
  std::string Name;   // the global, the field, the linking function, the callee
  std::string Struct; // Field: the structure it belongs to
  std::string Why;    // Handed: the knowledge base's reason
  std::vector<Hop> Chain;
};

/// The "stores" section of the knowledge base: (function, argument) pairs
/// that link their argument into a structure that outlives the call, and
/// the argument naming that structure (-1: not known).
using LinkingTable = std::map<std::pair<std::string, unsigned>, int>;

class InterfaceNoOwnerCheck : public Check {
public:
  InterfaceNoOwnerCheck() : Check("interface-no-owner") {}
  void run(AnalysisContext &AC) override;

private:
  /// Collects into Out where the object parameter P of FD (reached through
  /// the helper calls of Chain) is kept with no owner.
  /// CallerParams holds the parameters of FD that point to objects the
  /// interface's caller passed in (the interface's other parameters).
  void follow(AnalysisContext &AC, const FunctionDecl *FD,
              const ParmVarDecl *P,
              const std::set<const VarDecl *> &CallerParams,
              std::vector<Hop> Chain, std::set<const ParmVarDecl *> &Seen,
              std::vector<Keep> &Out, bool &Safe) const;
  /// The variables of Body that point into the caller's objects: the
  /// caller's parameters, locals taken from them (`state = drv->state + i`),
  /// and memory a device of theirs manages (`devm_kzalloc(dev, ...)`, freed
  /// when the caller's driver unbinds).
  std::set<const VarDecl *>
  callerObjects(const Stmt *Body, const std::set<const VarDecl *> &Params) const;
  /// Is an object of type R pinned by other means: it carries its own
  /// owner, it is what a safe interface of the knowledge base registers
  /// (a napi_struct is registered by netif_napi_add_weight(), whose
  /// netif_napi_del() waits; a net_device by register_netdevice()), or it is
  /// a deferred-execution object (missing-teardown's business).
  bool pinned(const RecordDecl *R) const;

  /// What the check asks about a parameter's structure, computed once per
  /// type: the kernel's big structures come back in hundreds of signatures.
  struct TypeFacts {
    bool Callbacks = false, Owner = false, Pinned = false, Counted = false;
  };
  const TypeFacts &facts(const RecordDecl *R) const;

  LinkingTable Linking;
  std::map<std::string, unsigned> Managed;      // devm allocator -> device arg
  std::map<std::string, unsigned> Frees;        // kfree-style -> object arg
  /// For a helper of this TU that returns device-managed memory
  /// (`gpios = devm_kzalloc(dev, ...); return gpios;`), the parameter that
  /// is the device; -1 otherwise.
  int managedReturnParam(const FunctionDecl *Def) const;
  std::map<std::string, std::string> SafeTypes; // struct tag -> registration
  mutable std::map<const RecordDecl *, TypeFacts> Facts;
  mutable std::map<const RecordDecl *, bool> PinnedMemo;
};

/// Does E carry the tracked object (a variable of Vars): the variable
/// itself, the address of one of its members (`&p->list`), one of its
/// function pointers (`p->fn`), or an aggregate or pointer arithmetic
/// holding one of those?
bool carries(const Expr *E, const std::set<const VarDecl *> &Vars) {
  E = stripCasts(E);
  if (!E)
    return false;
  if (const auto *D = dyn_cast<DeclRefExpr>(E))
    return Vars.count(dyn_cast<VarDecl>(D->getDecl())) != 0;
  if (const auto *C = dyn_cast<AbstractConditionalOperator>(E))
    return carries(C->getTrueExpr(), Vars) || carries(C->getFalseExpr(), Vars);
  if (const auto *ILE = dyn_cast<InitListExpr>(E)) {
    if (!ILE->isSemanticForm() && ILE->getSemanticForm())
      ILE = ILE->getSemanticForm();
    for (const Expr *I : ILE->inits())
      if (carries(I, Vars))
        return true;
    return false;
  }
  if (const auto *SE = dyn_cast<StmtExpr>(E)) {
    const CompoundStmt *CS = SE->getSubStmt();
    if (CS && !CS->body_empty())
      if (const auto *Last = dyn_cast<Expr>(CS->body_back()))
        return carries(Last, Vars);
    return false;
  }
  if (const auto *B = dyn_cast<BinaryOperator>(E)) {
    if ((B->getOpcode() == BO_Add || B->getOpcode() == BO_Sub) &&
        B->getType()->isPointerType())
      return carries(B->getLHS(), Vars) ||
             (B->getOpcode() == BO_Add && carries(B->getRHS(), Vars));
    if (B->getOpcode() == BO_Comma)
      return carries(B->getRHS(), Vars);
    return false;
  }
  bool ThroughPointer;
  if (const auto *U = dyn_cast<UnaryOperator>(E)) {
    if (U->getOpcode() != UO_AddrOf)
      return false;
    const Expr *Sub = lvalueOf(U->getSubExpr());
    if (!isa<MemberExpr>(Sub) && !isa<ArraySubscriptExpr>(Sub))
      return false;
    return Vars.count(rootOf(Sub, ThroughPointer)) != 0;
  }
  if (const auto *M = dyn_cast<MemberExpr>(E))
    return isFunctionPointer(M->getType()) &&
           Vars.count(rootOf(M, ThroughPointer)) != 0;
  return false;
}

/// The variables of a function that hold the tracked object.
struct Tracked {
  /// P, and locals initialized or assigned from it (rcu_assign_pointer
  /// keeps its value in a local `_r_a_p__v`): stores into these objects
  /// are stores into the caller's own object.
  std::set<const VarDecl *> Values;
  /// Local pointers to objects the tracked object was stored into
  /// (`action->handler = handler`): where such an object goes, the
  /// callbacks go.
  std::set<const VarDecl *> Containers;
  /// Both.
  std::set<const VarDecl *> All;
};

Tracked track(const Stmt *Body, const ParmVarDecl *P) {
  Tracked T;
  T.Values.insert(P);
  T.All.insert(P);
  struct Flow {
    const VarDecl *To;
    const Expr *From;
    bool Container;
  };
  std::vector<Flow> Flows;
  std::function<void(const Stmt *)> Collect = [&](const Stmt *S) {
    if (!S)
      return;
    if (const auto *DS = dyn_cast<DeclStmt>(S)) {
      for (const Decl *D : DS->decls())
        if (const auto *V = dyn_cast<VarDecl>(D))
          if (!V->hasGlobalStorage() && V->getInit())
            Flows.push_back({V, V->getInit(), false});
    } else if (const auto *B = dyn_cast<BinaryOperator>(S)) {
      if (B->getOpcode() == BO_Assign) {
        const Expr *L = lvalueOf(B->getLHS());
        bool ThroughPointer;
        if (const VarDecl *V = declOf(L)) {
          if (!V->hasGlobalStorage() && !isa<ParmVarDecl>(V))
            Flows.push_back({V, B->getRHS(), false});
        } else if (const VarDecl *Root = rootOf(L, ThroughPointer)) {
          if (ThroughPointer && !Root->hasGlobalStorage() &&
              !isa<ParmVarDecl>(Root) && Root->getType()->isPointerType())
            Flows.push_back({Root, B->getRHS(), true});
        }
      }
    }
    for (const Stmt *C : S->children())
      Collect(C);
  };
  Collect(Body);
  for (bool Changed = true; Changed;) {
    Changed = false;
    for (const Flow &F : Flows)
      if (!T.All.count(F.To) && carries(F.From, T.All)) {
        (F.Container ? T.Containers : T.Values).insert(F.To);
        T.All.insert(F.To);
        Changed = true;
      }
  }
  return T;
}

/// Does the knowledge base say this interface is safe without an owner:
/// it takes one (fills / caller), its unregistration waits for callbacks
/// already running, or its callbacks never sleep (Exception #1: a context
/// other than process, such as an interrupt handler's)?
bool safeRegistration(const Registration *R) {
  return R && (R->Owner != OwnerPolicy::None || R->SyncUnregister ||
               (!R->Context.empty() && R->Context != "process"));
}

/// The helper of this translation unit a call goes into, if its body is here.
const FunctionDecl *localDefinition(AnalysisContext &AC, const CallExpr *C) {
  const FunctionDecl *Callee = C->getDirectCallee();
  if (!Callee)
    return nullptr;
  const FunctionDecl *Def = Callee->getDefinition();
  if (!Def || !Def->doesThisDeclarationHaveABody() ||
      !AC.isModuleFile(Def->getLocation()))
    return nullptr;
  return Def;
}

/// The structures an access path stores into, innermost first:
/// `p->kobj.parent` is in a kobject that is part of the cdev *p.
std::vector<const RecordDecl *> destinationRecords(const Expr *LHS) {
  std::vector<const RecordDecl *> Out;
  const Expr *E = lvalueOf(LHS);
  while (const auto *M = dyn_cast_or_null<MemberExpr>(E)) {
    if (const auto *FD = dyn_cast<FieldDecl>(M->getMemberDecl())) {
      const RecordDecl *R = FD->getParent();
      while (R && R->isAnonymousStructOrUnion())
        R = dyn_cast<RecordDecl>(R->getParent());
      if (R)
        Out.push_back(R);
    }
    if (M->isArrow()) {
      if (const RecordDecl *R = pointee(M->getBase()->getType()))
        Out.push_back(R);
      break;
    }
    E = lvalueOf(M->getBase());
  }
  return Out;
}

bool InterfaceNoOwnerCheck::pinned(const RecordDecl *R) const {
  if (!R)
    return false;
  auto It = PinnedMemo.find(R);
  if (It != PinnedMemo.end())
    return It->second;
  std::string Name = recordName(QualType(R->getTypeForDecl(), 0));
  bool P = isDeferredObject(R) || SafeTypes.count(Name) ||
           !ownerPath(R, 0).empty();
  return PinnedMemo[R] = P;
}

const InterfaceNoOwnerCheck::TypeFacts &
InterfaceNoOwnerCheck::facts(const RecordDecl *R) const {
  auto It = Facts.find(R);
  if (It != Facts.end())
    return It->second;
  TypeFacts F;
  F.Callbacks = holdsCallbacks(R);
  if (F.Callbacks) {
    F.Owner = !ownerPath(R, 1).empty();
    F.Pinned = pinned(R);
    F.Counted = countsReferences(R);
  }
  return Facts[R] = F;
}

std::set<const VarDecl *>
InterfaceNoOwnerCheck::callerObjects(const Stmt *Body,
                                     const std::set<const VarDecl *> &Params) const {
  std::set<const VarDecl *> Out = Params;
  if (Params.empty())
    return Out;
  std::vector<std::pair<const VarDecl *, const Expr *>> Flows;
  std::function<void(const Stmt *)> Collect = [&](const Stmt *S) {
    if (!S)
      return;
    if (const auto *DS = dyn_cast<DeclStmt>(S)) {
      for (const Decl *D : DS->decls())
        if (const auto *V = dyn_cast<VarDecl>(D))
          if (!V->hasGlobalStorage() && V->getInit() &&
              V->getType()->isPointerType())
            Flows.push_back({V, V->getInit()});
    } else if (const auto *B = dyn_cast<BinaryOperator>(S)) {
      if (B->getOpcode() == BO_Assign)
        if (const VarDecl *V = declOf(lvalueOf(B->getLHS())))
          if (!V->hasGlobalStorage() && !isa<ParmVarDecl>(V) &&
              V->getType()->isPointerType())
            Flows.push_back({V, B->getRHS()});
    }
    for (const Stmt *C : S->children())
      Collect(C);
  };
  Collect(Body);
  // An access path or pointer arithmetic that starts from a caller's object.
  std::function<bool(const Expr *)> FromCaller = [&](const Expr *E) {
    E = stripCasts(E);
    if (!E)
      return false;
    if (const auto *U = dyn_cast<UnaryOperator>(E))
      if (U->getOpcode() == UO_AddrOf)
        E = stripCasts(U->getSubExpr());
    if (const auto *B = dyn_cast<BinaryOperator>(E))
      return (B->getOpcode() == BO_Add || B->getOpcode() == BO_Sub) &&
             B->getType()->isPointerType() && FromCaller(B->getLHS());
    if (const auto *C = dyn_cast<CallExpr>(E)) {
      const FunctionDecl *Callee = C->getDirectCallee();
      auto It = Callee ? Managed.find(Callee->getName().str()) : Managed.end();
      if (It != Managed.end())
        return It->second < C->getNumArgs() && FromCaller(C->getArg(It->second));
      // A helper of this TU that hands back memory managed by a device.
      const FunctionDecl *Def = Callee ? Callee->getDefinition() : nullptr;
      int DevParam = Def && Def->doesThisDeclarationHaveABody() ? managedReturnParam(Def) : -1;
      return DevParam >= 0 && unsigned(DevParam) < C->getNumArgs() &&
             FromCaller(C->getArg(DevParam));
    }
    if (!isa<MemberExpr>(E) && !isa<ArraySubscriptExpr>(E) &&
        !isa<DeclRefExpr>(E))
      return false;
    bool ThroughPointer;
    return Out.count(rootOf(E, ThroughPointer)) != 0;
  };
  for (bool Changed = true; Changed;) {
    Changed = false;
    for (const auto &F : Flows)
      if (!Out.count(F.first) && FromCaller(F.second)) {
        Out.insert(F.first);
        Changed = true;
      }
  }
  return Out;
}

int InterfaceNoOwnerCheck::managedReturnParam(const FunctionDecl *Def) const {
  // Locals assigned from a managed allocator whose device is a parameter.
  std::map<const VarDecl *, int> FromDevm;
  std::vector<const ReturnStmt *> Returns;
  auto devParam = [&](const Expr *E) -> int {
    const auto *C = dyn_cast_or_null<CallExpr>(stripCasts(E));
    const FunctionDecl *F = C ? C->getDirectCallee() : nullptr;
    auto It = F ? Managed.find(F->getName().str()) : Managed.end();
    if (It == Managed.end() || It->second >= C->getNumArgs())
      return -1;
    const auto *D = dyn_cast<DeclRefExpr>(stripCasts(C->getArg(It->second)));
    const auto *P = D ? dyn_cast<ParmVarDecl>(D->getDecl()) : nullptr;
    return P ? int(P->getFunctionScopeIndex()) : -1;
  };
  std::function<void(const Stmt *)> Walk = [&](const Stmt *S) {
    if (!S)
      return;
    if (const auto *DS = dyn_cast<DeclStmt>(S)) {
      for (const Decl *D : DS->decls())
        if (const auto *V = dyn_cast<VarDecl>(D))
          if (V->getInit() && devParam(V->getInit()) >= 0)
            FromDevm[V] = devParam(V->getInit());
    } else if (const auto *B = dyn_cast<BinaryOperator>(S)) {
      if (B->getOpcode() == BO_Assign)
        if (const VarDecl *V = declOf(lvalueOf(B->getLHS())))
          if (devParam(B->getRHS()) >= 0)
            FromDevm[V] = devParam(B->getRHS());
    } else if (const auto *R = dyn_cast<ReturnStmt>(S)) {
      Returns.push_back(R);
    }
    for (const Stmt *C : S->children())
      Walk(C);
  };
  Walk(Def->getBody());
  for (const ReturnStmt *R : Returns) {
    if (int P = devParam(R->getRetValue()); P >= 0)
      return P;
    if (const auto *D = dyn_cast_or_null<DeclRefExpr>(stripCasts(R->getRetValue())))
      if (const auto *V = dyn_cast<VarDecl>(D->getDecl()))
        if (FromDevm.count(V))
          return FromDevm.at(V);
  }
  return -1;
}

void InterfaceNoOwnerCheck::follow(AnalysisContext &AC, const FunctionDecl *FD,
                                   const ParmVarDecl *P,
                                   const std::set<const VarDecl *> &CallerParams,
                                   std::vector<Hop> Chain,
                                   std::set<const ParmVarDecl *> &Seen,
                                   std::vector<Keep> &Out, bool &Safe) const {
  if (!Seen.insert(P).second)
    return;
  const KnowledgeBase &KB = AC.kb();
  const Stmt *Body = FD->getBody();
  Tracked T = track(Body, P);
  const std::set<const VarDecl *> &Vars = T.All;
  const SourceManager &SM = AC.sm();
  // The caller's objects, and memory managed by the device of the tracked
  // object itself (gpios = devm_kzalloc(port->dev, ...)): it dies with it.
  std::set<const VarDecl *> Roots = CallerParams;
  Roots.insert(P);
  const std::set<const VarDecl *> Callers = callerObjects(Body, Roots);
  // Storing into an object the caller passed in initializes the caller's
  // object (kobject_init(kobj, ktype), init_timer_key(timer, fn)): what
  // keeps the callbacks is whatever registers that object.
  auto intoCallerObject = [&](const Expr *Dest) {
    Dest = stripCasts(Dest);
    if (const auto *U = dyn_cast<UnaryOperator>(Dest))
      if (U->getOpcode() == UO_AddrOf)
        Dest = U->getSubExpr();
    bool ThroughPointer;
    const VarDecl *Root = rootOf(Dest, ThroughPointer);
    return Root && ThroughPointer && Callers.count(Root);
  };
  // Objects this function frees itself (kfree(astate) before altera_init
  // returns) are temporaries: what is stored in them is not kept.
  std::set<const VarDecl *> FreedHere;
  std::function<void(const Stmt *)> FindFrees = [&](const Stmt *S) {
    if (!S)
      return;
    if (const auto *C = dyn_cast<CallExpr>(S))
      if (const FunctionDecl *F = C->getDirectCallee()) {
        auto It = Frees.find(F->getName().str());
        if (It != Frees.end() && It->second < C->getNumArgs())
          if (const auto *D = dyn_cast<DeclRefExpr>(stripCasts(C->getArg(It->second))))
            if (const auto *V = dyn_cast<VarDecl>(D->getDecl()))
              if (!V->hasGlobalStorage() && !isa<ParmVarDecl>(V))
                FreedHere.insert(V);
      }
    for (const Stmt *C : S->children())
      FindFrees(C);
  };
  FindFrees(Body);

  std::function<void(const Stmt *)> Visit = [&](const Stmt *S) {
    if (!S)
      return;
    if (const auto *B = dyn_cast<BinaryOperator>(S)) {
      if (B->getOpcode() == BO_Assign && carries(B->getRHS(), Vars)) {
        bool ThroughPointer;
        const Expr *L = lvalueOf(B->getLHS());
        const VarDecl *Root = rootOf(L, ThroughPointer);
        bool Self = Root && T.Values.count(Root);
        bool Global = Root && Root->hasGlobalStorage();
        bool Pinned = false;
        for (const RecordDecl *R : destinationRecords(L))
          Pinned |= pinned(R);
        if (!Self && (Global || ThroughPointer) && !Pinned &&
            !intoCallerObject(L) && !(Root && FreedHere.count(Root))) {
          Keep K;
          K.Loc = SM.getFileLoc(B->getOperatorLoc());
          K.Chain = Chain;
          if (const auto *M = dyn_cast<MemberExpr>(L)) {
            K.K = Keep::Field;
            K.Name = M->getMemberDecl()->getName().str();
            const auto *F = dyn_cast<FieldDecl>(M->getMemberDecl());
            const RecordDecl *R = F ? F->getParent() : nullptr;
            while (R && R->isAnonymousStructOrUnion())
              R = dyn_cast<RecordDecl>(R->getParent());
            K.Struct = R ? recordName(AC.ast().getRecordType(R)) : "";
          } else if (Global && !ThroughPointer) {
            K.K = Keep::Global;
            K.Name = Root->getName().str();
          } else {
            K.K = Keep::Field;
          }
          Out.push_back(K);
        }
      }
    } else if (const auto *C = dyn_cast<CallExpr>(S)) {
      const FunctionDecl *Callee = C->getDirectCallee();
      std::string Name = Callee ? Callee->getName().str() : "";
      for (unsigned I = 0; I < C->getNumArgs() && Callee; ++I) {
        if (!carries(C->getArg(I), Vars))
          continue;
        SourceLocation Loc = SM.getFileLoc(C->getArg(I)->getBeginLoc());
        auto Link = Linking.find({Name, I});
        if (Link == Linking.end())
          Link = Linking.find({KB.canonical(Name), I});
        if (Link != Linking.end()) {
          // Linked into a structure that is itself pinned (a list head in a
          // registered net_device) is kept as safely as that structure.
          bool Pinned = false;
          if (Link->second >= 0 && unsigned(Link->second) < C->getNumArgs()) {
            const Expr *Into = stripCasts(C->getArg(Link->second));
            Pinned = intoCallerObject(Into);
            if (const auto *U = dyn_cast<UnaryOperator>(Into))
              if (U->getOpcode() == UO_AddrOf)
                for (const RecordDecl *R : destinationRecords(U->getSubExpr()))
                  Pinned |= pinned(R);
          }
          if (!Pinned)
            Out.push_back({Keep::Linked, Loc, Name, "", "", Chain});
          continue;
        }
        if (const Registration *R = KB.registration(Name)) {
          // The argument that carries the callbacks: the entry's, or else
          // one the callee declares as callbacks (not a dev_id cookie).
          bool CallbackArg =
              R->Arg >= 0 ? unsigned(R->Arg) == I
                          : (R->CallbackArg >= 0 && unsigned(R->CallbackArg) == I) ||
                                (I < Callee->getNumParams() &&
                                 callbackType(Callee->getParamDecl(I)->getType()));
          if (!CallbackArg)
            continue;
          // Safe interfaces keep it safely; unsafe ones make this one unsafe.
          if (!safeRegistration(R))
            Out.push_back({Keep::Handed, Loc, Name, "", R->Why, Chain});
          else
            Safe = true;
          continue;
        }
        const FunctionDecl *Def = localDefinition(AC, C);
        if (!Def || I >= Def->getNumParams() || Chain.size() >= 2)
          continue;
        const ParmVarDecl *Q = Def->getParamDecl(I);
        std::set<const VarDecl *> NextCallers;
        for (unsigned J = 0; J < C->getNumArgs() && J < Def->getNumParams(); ++J) {
          if (J == I)
            continue;
          const Expr *A = stripCasts(C->getArg(J));
          if (const auto *U = dyn_cast<UnaryOperator>(A))
            if (U->getOpcode() == UO_AddrOf)
              A = U->getSubExpr();
          bool ThroughPointer;
          const VarDecl *Root = rootOf(A, ThroughPointer);
          if (Root && Callers.count(Root) &&
              (ThroughPointer || A->getType()->isPointerType()))
            NextCallers.insert(Def->getParamDecl(J));
        }
        std::vector<Hop> Next = Chain;
        Next.push_back({Loc, Name, Q->getName().str()});
        follow(AC, Def, Q, NextCallers, Next, Seen, Out, Safe);
      }
    }
    for (const Stmt *Child : S->children())
      Visit(Child);
  };
  Visit(Body);
}

/// Is FD exported: redeclared by EXPORT_SYMBOL*'s `extern typeof(sym) sym;`
/// (both ksymtab forms of 6.1 start with it)?
bool isExported(AnalysisContext &AC, const FunctionDecl *FD) {
  for (const FunctionDecl *R : FD->redecls())
    if (R->getLocation().isMacroID())
      for (const std::string &M :
           macroStack(R->getLocation(), AC.sm(), AC.langOpts()))
        if (M.find("EXPORT_SYMBOL") != std::string::npos)
          return true;
  return false;
}

/// Is FD declared (or defined) in a header, i.e. outside the main file?
bool inHeader(AnalysisContext &AC, const FunctionDecl *FD) {
  const SourceManager &SM = AC.sm();
  for (const FunctionDecl *R : FD->redecls()) {
    SourceLocation L = SM.getExpansionLoc(R->getLocation());
    if (L.isValid() && !SM.isInMainFile(L))
      return true;
  }
  return false;
}

void InterfaceNoOwnerCheck::run(AnalysisContext &AC) {
  const KnowledgeBase &KB = AC.kb();
  Linking.clear();
  Managed.clear();
  for (const nlohmann::json &E : KB.section("managed_allocators"))
    Managed[E["function"].get<std::string>()] = E["device_arg"].get<unsigned>();
  Frees.clear();
  for (const nlohmann::json &E : KB.section("frees"))
    Frees[E["function"].get<std::string>()] = E.value("arg", 0u);
  for (const nlohmann::json &E : KB.section("stores"))
    Linking[{E["function"].get<std::string>(), E["arg"].get<unsigned>()}] =
        E.contains("into") ? int(E["into"].get<unsigned>()) : -1;
  // The object types safe registrations take, from their declarations here.
  SafeTypes.clear();
  Facts.clear();
  PinnedMemo.clear();
  ASTContext &Ctx = AC.ast();
  for (const nlohmann::json &E : KB.section("registrations")) {
    if (!E.contains("function") || !E.contains("arg"))
      continue;
    std::string Fn = E["function"].get<std::string>();
    const Registration *R = KB.registration(Fn);
    if (!safeRegistration(R))
      continue;
    for (const NamedDecl *ND :
         Ctx.getTranslationUnitDecl()->lookup(&Ctx.Idents.get(Fn)))
      if (const auto *RF = dyn_cast<FunctionDecl>(ND))
        if (unsigned(R->Arg) < RF->getNumParams())
          if (const RecordDecl *RD = pointee(RF->getParamDecl(R->Arg)->getType())) {
            std::string T = recordName(QualType(RD->getTypeForDecl(), 0));
            if (!T.empty())
              SafeTypes.emplace(T, Fn);
          }
  }
  // A module's functions that are not exported can only be called by the
  // module itself, whose callbacks need no pin against its own unloading.
  const bool IsModule = AC.module().IsModule;
  for (const Decl *D : AC.ownDecls()) {
    const auto *FD = dyn_cast<FunctionDecl>(D);
    if (!FD || !FD->doesThisDeclarationHaveABody() || FD->getName().empty())
      continue;
    bool Exported = isExported(AC, FD);
    if (!Exported && (IsModule || !inHeader(AC, FD)))
      continue;
    // Rule #1's other form: the owner travels as a parameter.
    bool OwnerParam = false;
    for (const ParmVarDecl *P : FD->parameters())
      OwnerParam |= isModulePointer(P->getType());
    if (OwnerParam)
      continue;
    // The knowledge base knows this interface is safe by other means.
    if (safeRegistration(KB.registration(FD->getName().str())))
      continue;

    for (const ParmVarDecl *P : FD->parameters()) {
      QualType T = P->getType();
      const RecordDecl *RD = pointee(T);
      // Callbacks with no owner in reach, in an object that is neither
      // pinned by other means nor reference counted.
      if (RD) {
        const TypeFacts &TF = facts(RD);
        if (!TF.Callbacks || TF.Owner || TF.Pinned || TF.Counted)
          continue;
      } else if (!isFunctionPointer(T)) {
        continue;
      }
      std::vector<Keep> Kept;
      std::set<const ParmVarDecl *> Seen;
      bool Safe = false;
      std::set<const VarDecl *> Callers;
      for (const ParmVarDecl *Q : FD->parameters())
        if (Q != P && Q->getType()->isPointerType())
          Callers.insert(Q);
      follow(AC, FD, P, Callers, {}, Seen, Kept, Safe);
      // Handed to a safe interface too: the other stores keep track of it
      // for unregistering through that interface.
      if (Kept.empty() || Safe)
        continue;
      const Keep &K = Kept.front();

      Finding F;
      F.Check = id();
      F.Loc = FD->getLocation();
      std::string Name = FD->getName().str();
      std::string PName =
          P->getName().empty()
              ? "parameter " + std::to_string(P->getFunctionScopeIndex() + 1)
              : P->getName().str();
      if (RD)
        F.Message = "'" + Name + "' stores the caller's callbacks ('" + PName +
                    "', struct " + recordName(T) +
                    ") for later calls but has no 'struct module *' owner in "
                    "the structure nor as a parameter; the module that "
                    "supplies them cannot be pinned before they are called "
                    "(Rule #1)";
      else
        F.Message = "'" + Name + "' stores the caller's callback ('" + PName +
                    "', a function pointer) for later calls but takes no "
                    "'struct module *' owner; the module that supplies it "
                    "cannot be pinned before it is called (Rule #1)";
      for (const Hop &H : K.Chain)
        F.Notes.push_back({H.Loc, "passed to '" + H.Callee + "'" +
                                      (H.Param.empty() ? std::string()
                                                       : " as '" + H.Param + "'") +
                                      " here"});
      switch (K.K) {
      case Keep::Global:
        F.Notes.push_back({K.Loc, "stored in '" + K.Name + "' here"});
        break;
      case Keep::Field:
        F.Notes.push_back(
            {K.Loc, K.Name.empty()
                        ? std::string("stored through a pointer here")
                        : "stored in field '" + K.Name + "'" +
                              (K.Struct.empty() ? std::string()
                                                : " of struct " + K.Struct) +
                              " here"});
        break;
      case Keep::Linked:
        F.Notes.push_back({K.Loc, "linked in by '" + K.Name + "' here"});
        break;
      case Keep::Handed:
        F.Notes.push_back({K.Loc, "handed to '" + K.Name +
                                      "' here, which keeps it with no owner" +
                                      (K.Why.empty() ? std::string()
                                                     : " (" + K.Why + ")")});
        break;
      }
      F.Notes.push_back(
          {P->getLocation(),
           RD ? "add 'struct module *owner' to struct " + recordName(T) +
                    ", have callers set it to THIS_MODULE and take "
                    "try_module_get() on it before each call (or take the "
                    "owner as a parameter); if unregistering waits for "
                    "callbacks already running, record that in the knowledge "
                    "base (sync_unregister)"
              : std::string("take the caller's 'struct module *' "
                            "(THIS_MODULE) as a parameter and take "
                            "try_module_get() on it before each call; if "
                            "unregistering waits for callbacks already "
                            "running, record that in the knowledge base "
                            "(sync_unregister)")});
      AC.reporter().report(std::move(F));
      break; // one finding per interface
    }
  }
}

} // namespace

std::unique_ptr<Check> createInterfaceNoOwnerCheck() {
  return std::make_unique<InterfaceNoOwnerCheck>();
}

} // namespace modsafe

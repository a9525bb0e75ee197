// Rule #2's unsafe registrations (see UnsafeInterfaces.h).
#include "UnsafeInterfaces.h"
#include "Compat.h"
#include "Analysis.h"
#include "CallbackTypes.h"
#include "KernelExpr.h"

#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"

#include <functional>
#include <set>

using namespace clang;

namespace modsafe {

namespace {

/// Macros that publish a hook for RCU readers: a noncounting entry point,
/// missing-quiescence's business, not a plain store.
bool rcuPublished(SourceLocation Loc, AnalysisContext &AC) {
  if (!Loc.isMacroID())
    return false;
  for (const std::string &M : macroStack(Loc, AC.sm(), AC.langOpts()))
    if (M == "rcu_assign_pointer" || M == "RCU_INIT_POINTER" ||
        M == "rcu_replace_pointer" || M == "rcu_assign_pointer_sched")
      return true;
  return false;
}

/// A knowledge-base context in which callbacks never sleep (Exception #1).
bool nonSleeping(const std::string &Context) {
  return !Context.empty() && Context != "process";
}

} // namespace

struct UnsafeInterfaces::Impl {
  AnalysisContext &AC;
  bool Scanned = false;
  std::vector<UnsafeRegistration> Regs;
  std::map<const Stmt *, size_t> ByStmt;
  std::map<const FunctionDecl *, long> Through; // -1: none, -2: on the way
  std::map<std::string, const nlohmann::json *> Hooks;

  explicit Impl(AnalysisContext &AC) : AC(AC) {}

  /// The object types safe registrations of the knowledge base take (a
  /// bus_type is what bus_register() registers, whose unregister waits):
  /// such an object handed to another interface is kept as safely.
  std::set<const RecordDecl *> SafeTypeSet;
  bool SafeTypesDone = false;
  const std::set<const RecordDecl *> &safeTypes() {
    if (SafeTypesDone)
      return SafeTypeSet;
    SafeTypesDone = true;
    ASTContext &Ctx = AC.ast();
    for (const nlohmann::json &E : AC.kb().section("registrations")) {
      if (!E.contains("function") || !E.contains("arg"))
        continue;
      const Registration *R = AC.kb().registration(E["function"].get<std::string>());
      if (!R || R->Unsafe ||
          !(R->Owner != OwnerPolicy::None || R->SyncUnregister))
        continue;
      for (const NamedDecl *ND :
           Ctx.getTranslationUnitDecl()->lookup(&Ctx.Idents.get(R->Function)))
        if (const auto *F = dyn_cast<FunctionDecl>(ND))
          if (R->Arg >= 0 && unsigned(R->Arg) < F->getNumParams())
            if (const RecordDecl *RD = pointee(F->getParamDecl(R->Arg)->getType()))
              SafeTypeSet.insert(cast<RecordDecl>(RD->getCanonicalDecl()));
    }
    return SafeTypeSet;
  }

  /// A structure type that carries callbacks with no owner in reach and is
  /// neither a deferred object nor a reference-counted kernel object.
  bool ownerlessCallbacks(const RecordDecl *R) {
    if (!R || !(R = R->getDefinition()))
      return false;
    if (isDeferredObject(R) || !holdsCallbacks(R) || countsReferences(R))
      return false;
    if (!ownerPath(R, 1).empty())
      return false;
    if (safeTypes().count(cast<RecordDecl>(R->getCanonicalDecl())))
      return false;
    return !AC.kb().ownerType(recordName(QualType(R->getTypeForDecl(), 0)));
  }

  /// Does argument E hand over the module's callbacks: one of its functions,
  /// or a pointer to a structure holding callbacks with no owner? Sets What.
  bool carriesCallbacks(const Expr *E, QualType ParamType, std::string &What,
                        const FunctionDecl *&Callback) {
    if (!E)
      return false;
    if (const FunctionDecl *FD = referencedFunction(E)) {
      if (!AC.isModuleFunction(FD))
        return false;
      Callback = FD;
      What = "'" + FD->getName().str() + "'";
      return true;
    }
    const Expr *S = stripCasts(E);
    if (S->isNullPointerConstant(AC.ast(), Expr::NPC_ValueDependentIsNotNull))
      return false;
    const RecordDecl *R = pointee(S->getType());
    if (!R && !ParamType.isNull())
      R = pointee(ParamType);
    if (!R || !ownerlessCallbacks(R))
      return false;
    std::string Text = spelledText(E, AC.sm(), AC.langOpts());
    What = (Text.empty() ? std::string("a structure") : "'" + Text + "'") +
           " (struct " + recordName(QualType(R->getTypeForDecl(), 0)) + ")";
    return true;
  }

  /// Whether Name uses "register" as its verb (register_foo, foo_register,
  /// foo_register_bar), not as the noun of a hardware register
  /// (rtsx_pci_write_register, dump_registers).
  static bool registerVerb(const std::string &Name) {
    static const std::set<std::string> NounVerbs = {
        "read", "write", "set", "get", "update", "modify", "dump", "clear", "poll",
        "wait", "rmw", "mask", "masked", "program", "init", "save", "restore",
        "print", "show", "test", "check", "load", "store", "copy", "access", "reg"};
    std::vector<std::string> Tokens;
    size_t B = 0;
    while (B <= Name.size()) {
      size_t E = Name.find('_', B);
      Tokens.push_back(Name.substr(B, E == std::string::npos ? std::string::npos : E - B));
      if (E == std::string::npos)
        break;
      B = E + 1;
    }
    // A read/write/set … before it makes "register" its object
    // (rtsx_pci_write_phy_register).
    for (size_t I = 0; I < Tokens.size(); ++I) {
      if (NounVerbs.count(Tokens[I]))
        return false;
      if (Tokens[I] == "register")
        return true;
    }
    return false;
  }

  /// Does the translation unit declare an unregister counterpart of Name?
  /// `foo_register_bar` has one in any `foo_unregister*`/`foo_deregister*`
  /// (parport_register_dev_model / parport_unregister_device);
  /// `register_foo_bar` in `unregister_foo*`.
  std::map<std::string, bool> CounterpartMemo;
  bool hasCounterpart(const std::string &Name) {
    auto M = CounterpartMemo.find(Name);
    if (M != CounterpartMemo.end())
      return M->second;
    bool Found = hasCounterpartUncached(Name);
    CounterpartMemo[Name] = Found;
    return Found;
  }
  bool hasCounterpartUncached(const std::string &Name) {
    std::vector<std::string> Cands;
    size_t P = Name.find("register");
    if (P == std::string::npos)
      return false;
    {
      std::string Pre = Name.substr(0, P);
      size_t L = Pre.find_first_not_of('_');
      Pre = L == std::string::npos ? std::string() : Pre.substr(L);
      std::vector<std::string> Prefixes;
      if (!Pre.empty()) {
        // foo_register_x: foo_unregister*, and the other verbs kernel
        // interfaces take back with (platform_profile_remove()).
        for (const char *V : {"unregister", "deregister", "remove", "del",
                              "destroy", "release", "free"})
          Prefixes.push_back(Pre + V);
      } else {
        std::string Rest = Name.substr(P + 8); // "_foo_bar"
        size_t E = Rest.find('_', 1);
        std::string Word = Rest.substr(0, E);
        if (Word.size() > 1)
          Prefixes = {"unregister" + Word, "deregister" + Word};
      }
      ASTContext &Ctx = AC.ast();
      for (const auto &Entry : Ctx.Idents) {
        llvm::StringRef Id = Entry.getKey();
        for (const std::string &Pf : Prefixes)
          if (compat::startsWith(Id, Pf)) {
            IdentifierInfo *II = Entry.getValue();
            if (II->hasMacroDefinition() ||
                !Ctx.getTranslationUnitDecl()->lookup(II).empty())
              return true;
          }
      }
    }
    for (const char *Un : {"unregister", "deregister"}) {
      std::string C = Name.substr(0, P) + Un + Name.substr(P + 8);
      Cands.push_back(C);
      size_t L = C.find_first_not_of('_');
      if (L != std::string::npos && L > 0)
        Cands.push_back(C.substr(L)); // __foo_register -> foo_unregister
    }
    ASTContext &Ctx = AC.ast();
    for (const std::string &C : Cands) {
      IdentifierInfo &II = Ctx.Idents.get(C);
      if (II.hasMacroDefinition())
        return true;
      if (!Ctx.getTranslationUnitDecl()->lookup(&II).empty())
        return true;
    }
    return false;
  }

  /// Does R embed a `struct device` (itself, or a member one level down)?
  static bool isDeviceObject(const RecordDecl *R) {
    if (!R || !(R = R->getDefinition()))
      return false;
    if (R->getName() == "device")
      return true;
    for (const FieldDecl *F : R->fields())
      if (const RecordDecl *Sub = fieldElementType(F)->getAsRecordDecl())
        if (Sub->getName() == "device")
          return true;
    return false;
  }

  /// Does C register on a device object (an argument pointing to a
  /// structure that is or embeds a struct device: mei_cldev_register_rx_cb(
  /// cldev, ...))? Such callbacks are per device, and the bus core undoes
  /// them when the device's owner-carrying driver unbinds.
  /// An argument pointing to a structure the module cannot see into (a
  /// subsystem's opaque handle: ishtp_register_event_cb(cl_device, …)) is
  /// treated the same way: the callbacks belong to an object the subsystem
  /// owns and tears down, which the declaration does not show.
  bool onHandedDevice(const CallExpr *C, const FunctionDecl *) {
    for (const Expr *A : C->arguments()) {
      QualType T = stripCasts(A)->getType().getCanonicalType();
      if (isDeviceObject(pointee(T)))
        return true;
      if (T->isPointerType())
        if (const RecordDecl *R = T->getPointeeType()->getAsRecordDecl())
          if (!R->getDefinition())
            return true;
    }
    return false;
  }

  void add(UnsafeRegistration R) {
    ByStmt[R.S] = Regs.size();
    Regs.push_back(std::move(R));
  }

  void visitCall(const CallExpr *C, const FunctionDecl *In) {
    const FunctionDecl *Callee = C->getDirectCallee();
    if (!Callee || !Callee->getIdentifier())
      return;
    std::string Name = Callee->getName().str();
    const KnowledgeBase &KB = AC.kb();
    SourceLocation Loc = AC.sm().getFileLoc(C->getBeginLoc());
    if (const Registration *R = KB.registration(Name)) {
      // The knowledge base decides: unsafe only when it says so.
      if (!R->Unsafe || R->Owner != OwnerPolicy::None || R->SyncUnregister ||
          nonSleeping(R->Context))
        return;
      for (unsigned I = 0; I < C->getNumArgs(); ++I) {
        int Want = R->CallbackArg >= 0 ? R->CallbackArg : R->Arg;
        if (Want >= 0 && unsigned(Want) != I)
          continue;
        QualType PT = I < Callee->getNumParams()
                          ? Callee->getParamDecl(I)->getType()
                          : QualType();
        std::string What;
        const FunctionDecl *Cb = nullptr;
        if (!carriesCallbacks(C->getArg(I), PT, What, Cb))
          continue;
        add({UnsafeRegistration::Known, C, Loc, In, Cb, Name, What,
             R->Why.empty() ? "the knowledge base marks it unsafe" : R->Why});
        return;
      }
      return;
    }
    // Inferred: a kernel function whose name says it registers, with no
    // way to take the callbacks back.
    if (AC.isModuleFunction(Callee))
      return;
    if (!registerVerb(Name))
      return;
    // Device-managed (devm_*): undone by the devres core when the driver
    // unbinds, with the interface's own unregister.
    if (compat::startsWith(Name, "devm_"))
      return;
    // Registered on a device the function was handed (a probe's device):
    // the bus core undoes it when the owner-carrying driver unbinds.
    if (onHandedDevice(C, In))
      return;
    for (const ParmVarDecl *P : Callee->parameters())
      if (isModulePointer(P->getType()))
        return; // the owner travels as a parameter (Rule #1)
    for (unsigned I = 0; I < C->getNumArgs() && I < Callee->getNumParams(); ++I) {
      QualType PT = Callee->getParamDecl(I)->getType();
      if (!callbackType(PT))
        continue;
      std::string What;
      const FunctionDecl *Cb = nullptr;
      if (!carriesCallbacks(C->getArg(I), PT, What, Cb))
        continue;
      if (hasCounterpart(Name))
        return;
      add({UnsafeRegistration::InferredCall, C, Loc, In, Cb, Name, What,
           "'" + Name + "' keeps it with no 'struct module *' owner and "
           "offers no unregister to take it back"});
      return;
    }
  }

  void visitStore(const BinaryOperator *B, const FunctionDecl *In) {
    const FunctionDecl *Fn = referencedFunction(B->getRHS());
    if (!Fn || !AC.isModuleFunction(Fn))
      return;
    if (rcuPublished(B->getOperatorLoc(), AC) || rcuPublished(B->getBeginLoc(), AC))
      return;
    const Expr *L = lvalueOf(B->getLHS());
    if (!isFunctionPointer(L->getType()))
      return;
    bool ThroughPointer = false;
    const VarDecl *Root = rootOf(L, ThroughPointer);
    if (!Root || ThroughPointer || !Root->hasGlobalStorage() ||
        Root->isStaticLocal())
      return;
    // Declared by the kernel, defined elsewhere.
    for (const VarDecl *R : Root->redecls())
      if (AC.isModuleFile(R->getLocation()) ||
          R->isThisDeclarationADefinition() != VarDecl::DeclarationOnly)
        return;
    // A field of a global structure: not of a deferred object, and not of
    // a structure that carries its own owner.
    std::string Target = Root->getName().str();
    // A field of a global structure (lis3_dev.init of hp_accel): that
    // structure is an object with a lifecycle of its own, often torn down
    // by the very driver that fills it; whether its callbacks can still be
    // called after exit is not in the declaration. Only the knowledge base
    // names such fields; the inference keeps to bare function pointers.
    if (isa<MemberExpr>(L) && !Hooks.count(Root->getName().str()))
      return;
    if (const auto *M = dyn_cast<MemberExpr>(L)) {
      const auto *F = dyn_cast<FieldDecl>(M->getMemberDecl());
      const RecordDecl *Parent = F ? F->getParent() : nullptr;
      while (Parent && Parent->isAnonymousStructOrUnion())
        Parent = dyn_cast<RecordDecl>(Parent->getParent());
      if (!Parent || isDeferredObject(Parent))
        return;
      if (const RecordDecl *RR = recordOf(Root->getType()))
        if (!ownerPath(RR, 0).empty() ||
            AC.kb().ownerType(recordName(QualType(RR->getTypeForDecl(), 0))))
          return;
      std::string Text = spelledText(L, AC.sm(), AC.langOpts());
      Target = Text.empty() ? Target + "." + F->getName().str() : Text;
    } else if (!isa<DeclRefExpr>(L)) {
      return;
    }
    SourceLocation Loc = AC.sm().getFileLoc(B->getBeginLoc());
    std::string What = "'" + Fn->getName().str() + "'";
    auto H = Hooks.find(Root->getName().str());
    if (H != Hooks.end() && isa<DeclRefExpr>(L)) {
      const nlohmann::json &E = *H->second;
      if (!E.value("unsafe", true) || nonSleeping(E.value("context", std::string())))
        return;
      add({UnsafeRegistration::Hook, B, Loc, In, Fn, Target, What,
           E.value("why", std::string("the knowledge base lists it as a hook "
                                      "the kernel calls with no owner"))});
      return;
    }
    add({UnsafeRegistration::InferredStore, B, Loc, In, Fn, Target, What,
         "'" + Target + "' is a kernel function pointer, called with no "
         "'struct module *' owner and no unregister that waits for a call "
         "in progress"});
  }

  void scan() {
    if (Scanned)
      return;
    Scanned = true;
    for (const nlohmann::json &E : AC.kb().section("hooks"))
      Hooks[E["variable"].get<std::string>()] = &E;
    for (const Decl *D : AC.ownDecls()) {
      const auto *FD = dyn_cast<FunctionDecl>(D);
      if (!FD || !FD->doesThisDeclarationHaveABody())
        continue;
      std::function<void(const Stmt *)> Visit = [&](const Stmt *S) {
        if (!S)
          return;
        if (const auto *C = dyn_cast<CallExpr>(S))
          visitCall(C, FD);
        else if (const auto *B = dyn_cast<BinaryOperator>(S))
          if (B->getOpcode() == BO_Assign)
            visitStore(B, FD);
        for (const Stmt *Child : S->children())
          Visit(Child);
      };
      Visit(FD->getBody());
    }
  }

  long through(const FunctionDecl *FD, unsigned Depth) {
    if (!FD)
      return -1;
    FD = definitionOf(FD);
    if (!FD || !AC.isModuleFile(FD->getLocation()))
      return -1;
    auto It = Through.find(FD);
    if (It != Through.end())
      return It->second == -2 ? -1 : It->second;
    for (size_t I = 0; I < Regs.size(); ++I)
      if (Regs[I].In == FD)
        return Through[FD] = long(I);
    if (Depth > 4)
      return -1;
    Through[FD] = -2;
    long Found = -1;
    std::function<void(const Stmt *)> Visit = [&](const Stmt *S) {
      if (!S || Found >= 0)
        return;
      if (const auto *C = dyn_cast<CallExpr>(S))
        if (const FunctionDecl *Callee = C->getDirectCallee())
          Found = through(Callee, Depth + 1);
      for (const Stmt *Child : S->children())
        Visit(Child);
    };
    Visit(FD->getBody());
    return Through[FD] = Found;
  }
};

UnsafeInterfaces::UnsafeInterfaces(AnalysisContext &AC)
    : P(std::make_unique<Impl>(AC)) {}
UnsafeInterfaces::~UnsafeInterfaces() = default;

const std::vector<UnsafeRegistration> &UnsafeInterfaces::registrations() {
  P->scan();
  return P->Regs;
}

const UnsafeRegistration *
UnsafeInterfaces::registersThrough(const FunctionDecl *FD) {
  P->scan();
  long I = P->through(FD, 0);
  return I >= 0 ? &P->Regs[size_t(I)] : nullptr;
}

const UnsafeRegistration *UnsafeInterfaces::at(const Stmt *S) {
  P->scan();
  auto It = P->ByStmt.find(S);
  return It == P->ByStmt.end() ? nullptr : &P->Regs[It->second];
}

} // namespace modsafe

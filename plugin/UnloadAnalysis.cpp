#include "UnloadAnalysis.h"
#include "Analysis.h"
#include "KernelExpr.h"

#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Analysis/CFG.h"
#include "clang/Lex/Lexer.h"

#include <deque>

using namespace clang;

namespace modsafe {
namespace {

struct Spec {
  std::string Kind;
  int ObjArg = -1, CbArg = -1, WqArg = -1;
  bool DeviceManaged = false;
};

int idx(const nlohmann::json &E, const char *K) {
  return E.contains(K) ? E[K].get<int>() : -1;
}

/// Fields: innermost (the member written last) first. Members of a deferred
/// object itself (`deferred_objects`) name the object that holds them:
/// `dwork.work` is `dwork`.
std::string fieldKey(const std::vector<const FieldDecl *> &Fields,
                     const std::set<std::string> &Objects) {
  size_t I = 0;
  while (I < Fields.size() && Objects.count(Fields[I]->getParent()->getName().str()))
    ++I;
  if (I >= Fields.size())
    return ""; // a member of the object itself: the base names it
  const FieldDecl *F = Fields[I];
  const RecordDecl *R = F->getParent();
  std::string RN = R->getName().str();
  if (RN.empty())
    if (const auto *TD = R->getTypedefNameForAnonDecl())
      RN = TD->getName().str();
  return RN.empty() ? "" : "F:" + RN + "." + F->getName().str();
}

} // namespace

struct UnloadAnalysis::Impl {
  AnalysisContext &AC;
  std::map<std::string, Spec> ArmFns, ArmFields, StartFns, TdFns, HsFns;
  std::map<std::string, int> DevmActions;
  std::set<std::string> ThreadExits, Objects, SystemEnd;
  std::multimap<std::string, std::pair<std::string, std::string>> Lifecycles;

  bool Scanned = false;
  std::vector<Arming> Arms;
  std::vector<DeferredCall> Starts, Tds, Hss;
  std::vector<TeardownRoot> Roots;
  std::map<const FunctionDecl *, std::set<const FunctionDecl *>> Callees;
  std::set<const FunctionDecl *> CallsThreadExit;
  std::map<const FunctionDecl *, const TeardownRoot *> Reach;
  bool ReachDone = false;
  /// Functions called from places this TU does not show (stored, passed
  /// on, or visible outside it), and those known to set things up.
  std::set<const FunctionDecl *> AddressTaken, Setups, ArmCallbacks;
  std::deque<TeardownRoot> Unseen; // roots for the former, minus the latter

  /// endsSystem(): 1 yes, 0 no, -1 being computed (recursion: no).
  std::map<const FunctionDecl *, int> EndsSystem;

  explicit Impl(AnalysisContext &AC) : AC(AC) {
    const KnowledgeBase &KB = AC.kb();
    for (const nlohmann::json &E : KB.section("arming")) {
      Spec S{E["kind"].get<std::string>(), idx(E, "object_arg"), idx(E, "callback_arg"),
             -1, E.value("device_managed", false)};
      if (E.contains("function"))
        ArmFns[E["function"].get<std::string>()] = S;
      else
        ArmFields[E["field"].get<std::string>()] = S;
    }
    for (const nlohmann::json &E : KB.section("starts"))
      StartFns[E["function"].get<std::string>()] = {E["kind"].get<std::string>(),
                                                    idx(E, "object_arg"), -1,
                                                    idx(E, "workqueue_arg")};
    for (const nlohmann::json &E : KB.section("teardown"))
      TdFns[E["function"].get<std::string>()] = {E["kind"].get<std::string>(),
                                                 idx(E, "object_arg")};
    for (const nlohmann::json &E : KB.section("deferred_objects"))
      Objects.insert(E["struct"].get<std::string>());
    for (const nlohmann::json &E : KB.section("thread_exits"))
      ThreadExits.insert(E["function"].get<std::string>());
    for (const nlohmann::json &E : KB.section("handshakes"))
      HsFns[E["function"].get<std::string>()] = {E["role"].get<std::string>(),
                                                 idx(E, "object_arg")};
    for (const nlohmann::json &E : KB.section("system_end"))
      SystemEnd.insert(E["function"].get<std::string>());
    for (const nlohmann::json &E : KB.section("devm_actions"))
      DevmActions[E["function"].get<std::string>()] = E["action_arg"].get<int>();
    for (const nlohmann::json &E : KB.section("lifecycles"))
      Lifecycles.insert({E["struct"].get<std::string>(),
                         {E["setup"].get<std::string>(), E["teardown"].get<std::string>()}});
  }

  const SourceManager &SM() const { return AC.sm(); }

  template <class M> const Spec *find(const M &Map, const std::string &N) const {
    auto It = Map.find(N);
    if (It == Map.end())
      It = Map.find(AC.kb().canonical(N));
    return It == Map.end() ? nullptr : &It->second;
  }

  /// The module's text for E (a macro argument is spelled in the file).
  std::string spelled(const Expr *E) const {
    std::string R =
        spelledText(E ? E->IgnoreParenImpCasts() : nullptr, SM(), AC.langOpts());
    while (R.size() > 1 && R[0] == '&')
      R.erase(0, 1);
    while (R.size() > 2 && R.front() == '(' && R.back() == ')')
      R = R.substr(1, R.size() - 2);
    return R.size() > 80 ? "" : R;
  }

  /// Key of the object E points to or names; Local is set for an object of
  /// the function's own frame.
  std::string key(const Expr *E, bool *Local = nullptr, int Depth = 0) {
    if (!E || Depth > 8)
      return "";
    std::vector<const FieldDecl *> Fields;
    for (;;) {
      E = stripCasts(E);
      if (const auto *U = dyn_cast<UnaryOperator>(E)) {
        if (U->getOpcode() == UO_AddrOf || U->getOpcode() == UO_Deref) {
          E = U->getSubExpr();
          continue;
        }
        return "";
      }
      if (const auto *A = dyn_cast<ArraySubscriptExpr>(E)) {
        E = A->getBase();
        continue;
      }
      if (const auto *M = dyn_cast<MemberExpr>(E)) {
        if (const auto *F = dyn_cast<FieldDecl>(M->getMemberDecl()))
          if (!F->isAnonymousStructOrUnion() && F->getIdentifier())
            Fields.push_back(F);
        E = M->getBase();
        continue;
      }
      break;
    }
    if (!Fields.empty()) {
      std::string K = fieldKey(Fields, Objects);
      if (!K.empty())
        return K;
    }
    if (const auto *D = dyn_cast<DeclRefExpr>(E))
      if (const auto *V = dyn_cast<VarDecl>(D->getDecl())) {
        if (V->hasGlobalStorage())
          return "@" + V->getName().str();
        if (isa<ParmVarDecl>(V))
          return "";
        if (!V->getType()->isPointerType()) {
          if (Local)
            *Local = true;
          return "";
        }
        if (V->getInit())
          return key(V->getInit(), Local, Depth + 1);
      }
    return "";
  }

  /// Argument N of the outermost macro call L comes from, as written
  /// (`&f->dwork` of INIT_DELAYED_WORK(&f->dwork, fn)), without `&`.
  std::string macroArg(SourceLocation L, unsigned N) const {
    std::string Cur = macroArgText(L, N, SM(), AC.langOpts());
    while (!Cur.empty() && Cur[0] == '&')
      Cur.erase(0, 1);
    return Cur.size() > 80 ? "" : Cur;
  }

  /// The object as the module wrote it.
  std::string objectText(const Expr *E, SourceLocation At) const {
    std::string T = macroArg(At, 0);
    return T.empty() ? spelled(E) : T;
  }

  std::string viaName(SourceLocation L, const std::string &Fallback) const {
    std::vector<std::string> Ms = macroStack(L, SM(), AC.langOpts());
    return Ms.empty() ? Fallback : Ms.back();
  }

  class Visitor : public RecursiveASTVisitor<Visitor> {
  public:
    Visitor(Impl &I, const FunctionDecl *FD) : I(I), FD(FD) {}
    bool shouldVisitImplicitCode() const { return false; }

    bool TraverseBinaryOperator(BinaryOperator *B, DataRecursionQueue * = nullptr) {
      if (B->getOpcode() != BO_Assign)
        return RecursiveASTVisitor<Visitor>::TraverseBinaryOperator(B);
      TraverseStmt(B->getLHS());
      Targets.push_back({B->getLHS(), nullptr});
      TraverseStmt(B->getRHS());
      Targets.pop_back();
      store(B);
      return true;
    }
    bool TraverseVarDecl(VarDecl *V) {
      Targets.push_back({nullptr, V});
      bool R = RecursiveASTVisitor<Visitor>::TraverseVarDecl(V);
      Targets.pop_back();
      if (const auto *IL = dyn_cast_or_null<InitListExpr>(V->getInit()))
        I.initializer(V, IL, FD);
      return R;
    }

    bool VisitDeclRefExpr(DeclRefExpr *D) {
      if (const auto *F = dyn_cast<FunctionDecl>(D->getDecl()))
        if (!DirectCallees.count(D))
          if (const FunctionDecl *Def = bodyOf(F))
            I.AddressTaken.insert(Def);
      return true;
    }

    bool VisitCallExpr(CallExpr *CE) {
      if (const auto *D = dyn_cast<DeclRefExpr>(CE->getCallee()->IgnoreParenImpCasts()))
        DirectCallees.insert(D);
      const FunctionDecl *Callee = CE->getDirectCallee();
      if (!Callee || !Callee->getIdentifier())
        return true;
      std::string N = Callee->getName().str();
      if (const FunctionDecl *Def = bodyOf(Callee))
        I.Callees[FD].insert(Def);
      if (I.ThreadExits.count(N) || I.ThreadExits.count(I.AC.kb().canonical(N)))
        I.CallsThreadExit.insert(FD);
      auto Arg = [&](int K) -> const Expr * {
        return K >= 0 && unsigned(K) < CE->getNumArgs() ? CE->getArg(K) : nullptr;
      };
      if (auto It = I.DevmActions.find(N); It != I.DevmActions.end())
        if (const FunctionDecl *A = referencedFunction(Arg(It->second)))
          if (const FunctionDecl *Def = bodyOf(A))
            I.Roots.push_back({Def, "the devm action '" + Def->getName().str() + "'"});
      if (const Spec *S = I.find(I.ArmFns, N)) {
        Arming A;
        A.S = CE;
        A.Loc = I.SM().getExpansionLoc(CE->getBeginLoc());
        A.Kind = S->Kind;
        A.Via = I.viaName(CE->getBeginLoc(), N);
        A.Callback = referencedFunction(Arg(S->CbArg));
        A.In = FD;
        A.DeviceManaged = S->DeviceManaged;
        if (S->ObjArg >= 0) {
          A.Key = I.key(Arg(S->ObjArg), &A.LocalObject);
          A.Text = I.objectText(Arg(S->ObjArg), CE->getBeginLoc());
        } else {
          // kthread_run(): the object is where the task pointer goes (past
          // the macro's own `__k`).
          for (auto It = Targets.rbegin(); It != Targets.rend(); ++It) {
            if (It->second && It->second->getLocation().isMacroID())
              continue;
            if (It->first) {
              A.Key = I.key(It->first);
              A.Text = I.spelled(It->first);
            } else if (It->second) {
              A.Text = It->second->getName().str();
            }
            break;
          }
        }
        I.Arms.push_back(std::move(A));
        return true;
      }
      if (const Spec *H = I.find(I.HsFns, N)) {
        DeferredCall D;
        D.CE = CE;
        D.Loc = I.SM().getExpansionLoc(CE->getBeginLoc());
        D.Kind = H->Kind;
        D.Name = N;
        D.In = FD;
        D.Key = I.key(Arg(H->ObjArg));
        I.Hss.push_back(std::move(D));
        return true;
      }
      const Spec *St = I.find(I.StartFns, N);
      const Spec *Td = St ? nullptr : I.find(I.TdFns, N);
      if (St || Td) {
        const Spec *S = St ? St : Td;
        DeferredCall D;
        D.CE = CE;
        D.Loc = I.SM().getExpansionLoc(CE->getBeginLoc());
        D.Kind = S->Kind;
        D.Name = I.viaName(CE->getBeginLoc(), N);
        D.In = FD;
        D.Key = S->ObjArg >= 0 ? I.key(Arg(S->ObjArg)) : "*";
        if (St)
          D.Workqueue = S->WqArg >= 0 ? I.key(Arg(S->WqArg)) : "@system_wq";
        (St ? I.Starts : I.Tds).push_back(std::move(D));
      }
      return true;
    }

  private:
    /// `x->function = cb`, `(_work)->func = (_func)` in INIT_WORK().
    void store(const BinaryOperator *B) {
      const auto *M = dyn_cast<MemberExpr>(B->getLHS()->IgnoreParenImpCasts());
      const auto *F = M ? dyn_cast<FieldDecl>(M->getMemberDecl()) : nullptr;
      if (!F)
        return;
      const Spec *S =
          I.find(I.ArmFields, F->getParent()->getName().str() + "." + F->getName().str());
      if (!S)
        return;
      Arming A;
      A.S = B;
      A.Loc = I.SM().getExpansionLoc(B->getBeginLoc());
      A.Kind = S->Kind;
      A.Via = I.viaName(B->getBeginLoc(), "'." + F->getName().str() + "' store");
      A.Callback = referencedFunction(B->getRHS());
      A.In = FD;
      A.Key = I.key(M->getBase(), &A.LocalObject);
      A.Text = I.objectText(M->getBase(), B->getBeginLoc());
      A.DeviceManaged = S->DeviceManaged;
      I.Arms.push_back(std::move(A));
    }

    Impl &I;
    const FunctionDecl *FD;
    std::vector<std::pair<const Expr *, const VarDecl *>> Targets;
    std::set<const DeclRefExpr *> DirectCallees;
  };

  static const FunctionDecl *bodyOf(const FunctionDecl *FD) {
    return definitionOf(FD);
  }

  /// Callback fields set in a static or local initializer (DEFINE_TIMER(),
  /// DECLARE_WORK(), DECLARE_TASKLET()), and the lifecycles it defines.
  void initializer(const VarDecl *V, const InitListExpr *IL, const FunctionDecl *In) {
    if (IL->isSyntacticForm() && IL->getSemanticForm())
      IL = IL->getSemanticForm();
    const RecordDecl *RD = recordOf(V->getType());
    if (!RD || V->getType()->isPointerType())
      return;
    if (const auto *AT = dyn_cast<ConstantArrayType>(V->getType().getTypePtr()))
      (void)AT; // arrays of drivers are rare; their elements are not followed
    else {
      auto Range = Lifecycles.equal_range(RD->getName().str());
      for (auto It = Range.first; It != Range.second; ++It) {
        const FunctionDecl *Setup = fieldFunction(IL, RD, It->second.first);
        const FunctionDecl *Td = fieldFunction(IL, RD, It->second.second);
        if (Setup)
          Setups.insert(Setup);
        if (Td)
          Roots.push_back({Td, "'" + V->getName().str() + "." + It->second.second + "'"});
      }
      std::vector<const FieldDecl *> Path;
      scanFields(V, IL, RD, Path, In);
    }
  }

  const FunctionDecl *fieldFunction(const InitListExpr *IL, const RecordDecl *RD,
                                    const std::string &Name) {
    unsigned K = 0;
    for (const FieldDecl *F : RD->fields()) {
      if (K >= IL->getNumInits())
        break;
      if (F->getName() == Name)
        return bodyOf(referencedFunction(IL->getInit(K)));
      ++K;
    }
    return nullptr;
  }

  void scanFields(const VarDecl *V, const InitListExpr *IL, const RecordDecl *RD,
                  std::vector<const FieldDecl *> &Path, const FunctionDecl *In) {
    if (RD->isUnion() || Path.size() > 4)
      return;
    unsigned K = 0;
    for (const FieldDecl *F : RD->fields()) {
      if (K >= IL->getNumInits())
        break;
      const Expr *Init = IL->getInit(K++);
      if (const auto *Sub = dyn_cast<InitListExpr>(Init->IgnoreImplicit())) {
        if (const RecordDecl *SR = F->getType()->getAsRecordDecl()) {
          Path.insert(Path.begin(), F);
          scanFields(V, Sub, SR, Path, In);
          Path.erase(Path.begin());
        }
        continue;
      }
      const Spec *S = find(ArmFields, RD->getName().str() + "." + F->getName().str());
      if (!S)
        continue;
      const FunctionDecl *Cb = referencedFunction(Init);
      if (!Cb)
        continue;
      Arming A;
      A.S = Init;
      A.Loc = SM().getExpansionLoc(V->getLocation());
      A.Kind = S->Kind;
      A.Via = viaName(Init->getBeginLoc(), "initializer");
      if (A.Via == "initializer")
        A.Via = viaName(V->getBeginLoc(), "initializer");
      A.Callback = Cb;
      A.In = In;
      A.Text = V->getName().str();
      for (const FieldDecl *P : llvm::reverse(Path))
        A.Text += "." + P->getName().str();
      std::string FK = Path.empty() ? "" : fieldKey(Path, Objects);
      if (!FK.empty())
        A.Key = FK;
      else if (V->hasGlobalStorage())
        A.Key = "@" + V->getName().str();
      else
        A.LocalObject = true;
      Arms.push_back(std::move(A));
    }
  }

  /// Every function an initializer names is called from elsewhere.
  void namedIn(const Stmt *S) {
    if (!S)
      return;
    if (const auto *D = dyn_cast<DeclRefExpr>(S))
      if (const auto *F = dyn_cast<FunctionDecl>(D->getDecl()))
        if (const FunctionDecl *Def = bodyOf(F))
          AddressTaken.insert(Def);
    for (const Stmt *C : S->children())
      namedIn(C);
  }

  void scan() {
    if (Scanned)
      return;
    Scanned = true;
    if (const FunctionDecl *Exit = AC.module().Exit)
      Roots.push_back({Exit, "the module's exit '" + Exit->getName().str() + "'"});
    for (const Decl *D : AC.ownDecls()) {
      if (const auto *FD = dyn_cast<FunctionDecl>(D)) {
        if (!FD->doesThisDeclarationHaveABody())
          continue;
        Visitor V(*this, FD);
        V.TraverseDecl(const_cast<FunctionDecl *>(FD));
      } else if (const auto *VD = dyn_cast<VarDecl>(D)) {
        if (const auto *IL = dyn_cast_or_null<InitListExpr>(VD->getInit()))
          initializer(VD, IL, nullptr);
        namedIn(VD->getInit());
      }
    }
    if (const FunctionDecl *Init = AC.module().Init)
      Setups.insert(Init);
    for (const Arming &A : Arms)
      if (const FunctionDecl *Cb = bodyOf(A.Callback)) {
        Setups.insert(Cb);
        ArmCallbacks.insert(Cb);
      }
  }

  /// Whether the call CE ends the system: a `system_end` function, or the
  /// arming or start of deferred work whose callbacks all end it (a work
  /// item that only launches the reboot thread).
  bool callEndsSystem(const CallExpr *CE) {
    const FunctionDecl *Callee = CE->getDirectCallee();
    if (Callee && Callee->getIdentifier()) {
      std::string N = Callee->getName().str();
      if (SystemEnd.count(N) || SystemEnd.count(AC.kb().canonical(N)))
        return true;
    }
    bool Any = false;
    for (const Arming &A : Arms)
      if (A.S == CE) {
        // Only a thread runs at once; a timer or work item armed here runs
        // when started, which the start call below covers.
        if (A.Kind != "kthread" || !A.Callback || !endsSystem(A.Callback))
          return false;
        Any = true;
      }
    if (Any)
      return true;
    for (const DeferredCall &S : Starts) {
      if (S.CE != CE)
        continue;
      for (const Arming &A : Arms) {
        if (A.Kind != S.Kind || !UnloadAnalysis::sameObject(A.Key, S.Key))
          continue;
        if (!A.Callback || !endsSystem(A.Callback))
          return false;
        Any = true;
      }
      return Any;
    }
    return false;
  }

  bool endsSystem(const FunctionDecl *FD) {
    FD = bodyOf(FD);
    if (!FD || !FD->hasBody())
      return false;
    auto [It, New] = EndsSystem.emplace(FD, -1);
    if (!New)
      return It->second == 1;
    CFG::BuildOptions BO;
    BO.setAllAlwaysAdd();
    BO.PruneTriviallyFalseEdges = true;
    std::unique_ptr<CFG> Cfg =
        CFG::buildCFG(FD, FD->getBody(), &AC.ast(), BO);
    bool Ends = false;
    if (Cfg) {
      // Ends when no path from entry reaches the exit (or a call that does
      // not return, which clang's CFG also joins to the exit) without
      // passing through a call that ends the system.
      std::set<const CFGBlock *> Seen;
      std::vector<const CFGBlock *> Work{&Cfg->getEntry()};
      bool Escapes = false;
      while (!Work.empty() && !Escapes) {
        const CFGBlock *B = Work.back();
        Work.pop_back();
        if (!B || !Seen.insert(B).second)
          continue;
        if (B == &Cfg->getExit()) {
          Escapes = true;
          break;
        }
        bool Stops = false;
        for (const CFGElement &E : *B)
          if (auto CS = E.getAs<CFGStmt>())
            if (const auto *CE = dyn_cast<CallExpr>(CS->getStmt()))
              if (callEndsSystem(CE)) {
                Stops = true;
                break;
              }
        if (Stops)
          continue;
        for (const CFGBlock *Succ : B->succs())
          Work.push_back(Succ);
      }
      Ends = !Escapes;
    }
    EndsSystem[FD] = Ends ? 1 : 0;
    return Ends;
  }

  void reach() {
    if (ReachDone)
      return;
    ReachDone = true;
    scan();
    // A teardown in a function called from where this TU cannot see (an
    // ops structure of an interface the knowledge base does not describe,
    // another file) may well be on the way out; one reached only from
    // init, probe/open or the deferred callbacks is not.
    std::vector<const TeardownRoot *> All;
    for (const TeardownRoot &R : Roots)
      All.push_back(&R);
    std::set<const FunctionDecl *> Outside(AddressTaken.begin(), AddressTaken.end());
    for (const Decl *D : AC.ownDecls())
      if (const auto *FD = dyn_cast<FunctionDecl>(D))
        if (FD->doesThisDeclarationHaveABody() && FD->isExternallyVisible())
          Outside.insert(FD);
    for (const FunctionDecl *F : Outside)
      if (!Setups.count(F)) {
        Unseen.push_back({F, "'" + F->getName().str() + "', called from outside this file"});
        All.push_back(&Unseen.back());
      }
    for (const TeardownRoot *RP : All) {
      const TeardownRoot &R = *RP;
      std::vector<const FunctionDecl *> Work{R.FD};
      while (!Work.empty()) {
        const FunctionDecl *F = Work.back();
        Work.pop_back();
        if (!Reach.emplace(F, &R).second)
          continue;
        for (const FunctionDecl *C : Callees[F])
          Work.push_back(C);
      }
    }
  }
};

UnloadAnalysis::UnloadAnalysis(AnalysisContext &AC) : P(std::make_unique<Impl>(AC)) {}
UnloadAnalysis::~UnloadAnalysis() = default;

bool UnloadAnalysis::wholeModule() {
  const ModuleModel &M = P->AC.module();
  return M.Name.empty() || M.BaseName.empty() || M.Name == M.BaseName;
}

bool UnloadAnalysis::unloadable() {
  const ModuleModel &M = P->AC.module();
  return M.Exit || !M.Init;
}

const std::vector<Arming> &UnloadAnalysis::armings() {
  P->scan();
  return P->Arms;
}
const std::vector<DeferredCall> &UnloadAnalysis::starts() {
  P->scan();
  return P->Starts;
}
const std::vector<DeferredCall> &UnloadAnalysis::teardowns() {
  P->scan();
  return P->Tds;
}
const std::vector<TeardownRoot> &UnloadAnalysis::roots() {
  P->scan();
  return P->Roots;
}

const std::vector<DeferredCall> &UnloadAnalysis::handshakes() {
  P->scan();
  return P->Hss;
}

const DeferredCall *UnloadAnalysis::handshakeWait(const Arming &A,
                                                 const DeferredCall **Signal) {
  if (!A.Callback)
    return nullptr;
  for (const DeferredCall &W : handshakes()) {
    if (W.Kind != "wait" || W.Key.empty() || !reachedFrom(W.In))
      continue;
    for (const DeferredCall &S : handshakes())
      if (S.Kind == "signal" && S.Key == W.Key && calledFrom(S.In, A.Callback)) {
        if (Signal)
          *Signal = &S;
        return &W;
      }
  }
  return nullptr;
}

bool UnloadAnalysis::handshakeStops(const Arming &A) {
  if (A.Kind == "kthread") {
    // A thread that signals and exits in one call (kthread_complete_and_exit)
    // never returns into the module.
    std::set<std::string> Exiting;
    for (const nlohmann::json &E : P->AC.kb().section("handshakes"))
      if (E.value("exits", false))
        Exiting.insert(E["function"].get<std::string>());
    for (const DeferredCall &W : handshakes()) {
      if (W.Kind != "wait" || W.Key.empty() || !reachedFrom(W.In))
        continue;
      for (const DeferredCall &S : handshakes())
        if (S.Kind == "signal" && S.Key == W.Key &&
            (Exiting.count(S.Name) || Exiting.count(P->AC.kb().canonical(S.Name))) &&
            calledFrom(S.In, A.Callback))
          return true;
    }
    return false;
  }
  if (A.Kind != "timer" && A.Kind != "hrtimer" && A.Kind != "tasklet")
    return false;
  bool LoaderWaitsRcu = false;
  for (const nlohmann::json &E : P->AC.kb().section("loader_quiescence"))
    LoaderWaitsRcu |= E["waits_for"] == "rcu";
  return LoaderWaitsRcu && handshakeWait(A);
}

bool UnloadAnalysis::tornDownByItsOwner(const Arming &A, const DeferredCall &T) {
  if (!A.In || !T.In)
    return false;
  if (T.In == A.In && !isSetup(A.In))
    return true;
  for (const Arming &K : armings())
    if (K.Kind == "kthread" && K.Callback && calledFrom(A.In, K.Callback) &&
        calledFrom(T.In, K.Callback))
      return true;
  return false;
}

bool UnloadAnalysis::calledFrom(const FunctionDecl *FD, const FunctionDecl *Root) {
  P->scan();
  FD = Impl::bodyOf(FD);
  std::set<const FunctionDecl *> Seen;
  std::vector<const FunctionDecl *> Work{Impl::bodyOf(Root)};
  while (!Work.empty()) {
    const FunctionDecl *F = Work.back();
    Work.pop_back();
    if (!F || !Seen.insert(F).second)
      continue;
    if (F == FD)
      return true;
    for (const FunctionDecl *C : P->Callees[F])
      Work.push_back(C);
  }
  return false;
}

const TeardownRoot *UnloadAnalysis::reachedFrom(const FunctionDecl *FD) {
  P->reach();
  if (!FD)
    return nullptr;
  if (const FunctionDecl *Def = Impl::bodyOf(FD))
    FD = Def;
  auto It = P->Reach.find(FD);
  return It == P->Reach.end() ? nullptr : It->second;
}

bool UnloadAnalysis::threadPinsItself(const FunctionDecl *FD) {
  P->scan();
  std::set<const FunctionDecl *> Seen;
  std::vector<const FunctionDecl *> Work{Impl::bodyOf(FD)};
  while (!Work.empty()) {
    const FunctionDecl *F = Work.back();
    Work.pop_back();
    if (!F || !Seen.insert(F).second)
      continue;
    if (P->CallsThreadExit.count(F))
      return true;
    for (const FunctionDecl *C : P->Callees[F])
      Work.push_back(C);
  }
  return false;
}

bool UnloadAnalysis::endsSystem(const FunctionDecl *FD) {
  P->scan();
  return P->endsSystem(FD);
}

bool UnloadAnalysis::isSetup(const FunctionDecl *FD) {
  P->scan();
  if (const FunctionDecl *Def = Impl::bodyOf(FD))
    FD = Def;
  return P->Setups.count(FD) && !P->ArmCallbacks.count(FD);
}

bool UnloadAnalysis::sameObject(const std::string &A, const std::string &B) {
  return A.empty() || B.empty() || A == "*" || B == "*" || A == B;
}

} // namespace modsafe

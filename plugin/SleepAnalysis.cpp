#include "SleepAnalysis.h"
#include "Analysis.h"
#include "FieldFacts.h"
#include "KernelExpr.h"

#include "Compat.h"

#include "clang/Basic/Builtins.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Analysis/CFG.h"
#include "clang/Lex/Lexer.h"

#include <algorithm>
#include <deque>
#include <functional>
#include <optional>
#include <set>

using namespace clang;

namespace modsafe {
namespace {

// ---------------------------------------------------------------------------
// The knowledge base, digested once per translation unit.

struct RegionEntry {
  std::string Begin, Kind;
  std::set<std::string> Ends;
  bool Trylock = false;
};

struct CallbackEntry {
  int Arg = -1;
  std::string Context;
  bool Counted = true;
};

bool globMatch(llvm::StringRef P, llvm::StringRef S) {
  size_t Star = P.find('*');
  if (Star == llvm::StringRef::npos)
    return P == S;
  llvm::StringRef Head = P.substr(0, Star), Rest = P.substr(Star + 1);
  if (!compat::startsWith(S, Head))
    return false;
  S = S.substr(Head.size());
  for (size_t I = 0; I <= S.size(); ++I)
    if (globMatch(Rest, S.substr(I)))
      return true;
  return false;
}

struct SleepKnowledge {
  std::map<std::string, bool> Sleeping; // function or macro -> sleeps
  std::vector<std::pair<std::string, bool>> Patterns;
  std::map<std::string, std::string> Why;
  std::map<std::string, unsigned> Allocators;
  std::map<std::string, bool> Gfp;
  std::set<std::string> ContextTests;
  std::map<std::string, RegionEntry> Regions; // by begin name
  std::set<std::string> Ends;
  std::map<std::string, std::set<std::string>> EndKinds; // end -> region kinds
  std::map<std::string, CallbackEntry> CbFunctions, CbMacros, CbFields;
  std::set<std::string> CountGetters, CountTryGetters, CountPutters;

  explicit SleepKnowledge(const KnowledgeBase &KB) : KB(KB) {
    for (const nlohmann::json &E : KB.section("sleeping")) {
      bool V = E.value("sleeps", true);
      std::string Why = E.value("why", "");
      if (E.contains("pattern")) {
        Patterns.push_back({E["pattern"].get<std::string>(), V});
        continue;
      }
      std::string N = E.contains("function") ? E["function"].get<std::string>()
                                             : E["macro"].get<std::string>();
      Sleeping[N] = V;
      if (!Why.empty())
        this->Why[N] = Why;
    }
    for (const nlohmann::json &E : KB.section("allocators"))
      Allocators[E["function"].get<std::string>()] = E["gfp_arg"].get<unsigned>();
    for (const nlohmann::json &E : KB.section("gfp_flags"))
      Gfp[E["name"].get<std::string>()] = E["sleeps"].get<bool>();
    for (const nlohmann::json &E : KB.section("context_tests"))
      ContextTests.insert(E["name"].get<std::string>());
    for (const nlohmann::json &E : KB.section("atomic_regions")) {
      RegionEntry R;
      R.Begin = E["begin"].get<std::string>();
      R.Kind = E["kind"].get<std::string>();
      R.Trylock = E.value("trylock", false);
      for (const auto &N : E["end"]) {
        R.Ends.insert(N.get<std::string>());
        Ends.insert(N.get<std::string>());
        EndKinds[N.get<std::string>()].insert(R.Kind);
      }
      Regions[R.Begin] = R;
    }
    // Interfaces that declare their callbacks' context (registrations, for
    // interface-no-owner) and the callbacks section proper, which wins.
    for (const nlohmann::json &E : KB.section("registrations"))
      if (E.contains("context") && E.contains("callback_arg") &&
          E.contains("function")) {
        CallbackEntry C;
        C.Arg = int(E["callback_arg"].get<unsigned>());
        C.Context = E["context"].get<std::string>();
        C.Counted = E.value("counted", true);
        CbFunctions[E["function"].get<std::string>()] = C;
      }
    for (const nlohmann::json &E : KB.section("callbacks")) {
      CallbackEntry C;
      C.Arg = E.contains("callback_arg") ? int(E["callback_arg"].get<unsigned>()) : -1;
      C.Context = E["context"].get<std::string>();
      C.Counted = E.value("counted", true);
      if (E.contains("function"))
        CbFunctions[E["function"].get<std::string>()] = C;
      else if (E.contains("macro"))
        CbMacros[E["macro"].get<std::string>()] = C;
      else
        CbFields[E["field"].get<std::string>()] = C;
    }
    for (const nlohmann::json &E : KB.section("ref_get")) {
      if (!E.contains("function") || E.value("on", "module") != "module")
        continue;
      std::string R = E["result"].get<std::string>();
      (R == "bool" ? CountTryGetters : R == "void" ? CountGetters : Unused)
          .insert(E["function"].get<std::string>());
    }
    for (const nlohmann::json &E : KB.section("ref_put"))
      if (E.contains("function") && E.value("on", "module") == "module")
        CountPutters.insert(E["function"].get<std::string>());
  }

  template <typename M>
  const typename M::mapped_type *find(const M &Map, const std::string &N) const {
    auto It = Map.find(N);
    if (It == Map.end()) {
      std::string C = KB.canonical(N);
      if (C != N)
        It = Map.find(C);
    }
    return It == Map.end() ? nullptr : &It->second;
  }

  /// Whether the function or macro N sleeps per the knowledge base.
  std::optional<bool> sleeps(const std::string &N) const {
    if (const bool *V = find(Sleeping, N))
      return *V;
    for (const auto &[P, V] : Patterns)
      if (globMatch(P, N))
        return V;
    return std::nullopt;
  }

  std::string why(const std::string &N) const {
    const std::string *W = find(Why, N);
    return W ? *W : "";
  }

private:
  const KnowledgeBase &KB;
  std::set<std::string> Unused;
};

// ---------------------------------------------------------------------------
// Macro expansions.

/// A macro whose body produced a location (a macro that merely received the
/// location in an argument is not one).
struct MacroLevel {
  std::string Name;
  FileID Exp; // the expansion instance
};

class MacroIndex {
public:
  MacroIndex(const SourceManager &SM, const LangOptions &LO) : SM(SM), LO(LO) {}

  /// Body-level macros of Loc, innermost first.
  const std::vector<MacroLevel> &of(SourceLocation Loc) {
    static const std::vector<MacroLevel> None;
    while (Loc.isMacroID() && SM.isMacroArgExpansion(Loc))
      Loc = SM.getImmediateSpellingLoc(Loc);
    if (!Loc.isMacroID())
      return None;
    FileID F = SM.getFileID(Loc);
    auto It = Memo.find(F);
    if (It != Memo.end())
      return It->second;
    std::vector<MacroLevel> R;
    R.push_back({Lexer::getImmediateMacroName(Loc, SM, LO).str(), F});
    const std::vector<MacroLevel> &Up =
        of(SM.getImmediateExpansionRange(Loc).getBegin());
    R.insert(R.end(), Up.begin(), Up.end());
    return Memo.emplace(F, std::move(R)).first->second;
  }

  /// Macros whose single expansion produced all of [B, E], innermost first.
  std::vector<MacroLevel> covering(SourceLocation B, SourceLocation E) {
    std::vector<MacroLevel> R;
    const std::vector<MacroLevel> &MB = of(B);
    if (MB.empty())
      return R;
    const std::vector<MacroLevel> &ME = of(E);
    for (const MacroLevel &L : MB)
      for (const MacroLevel &M : ME)
        if (L.Exp == M.Exp) {
          R.push_back(L);
          break;
        }
    return R;
  }

private:
  const SourceManager &SM;
  const LangOptions &LO;
  std::map<FileID, std::vector<MacroLevel>> Memo;
};

// ---------------------------------------------------------------------------
// gfp flags: may the allocation enter direct reclaim (and so sleep)?

struct GfpVal {
  bool Blocks = false;         // allows direct reclaim, or not known
  std::set<unsigned> Params;   // depends on these parameters of the function
  void join(const GfpVal &O) {
    Blocks |= O.Blocks;
    Params.insert(O.Params.begin(), O.Params.end());
  }
  bool none() const { return !Blocks && Params.empty(); }
};

// ---------------------------------------------------------------------------
// Statements that may sleep, per function.

enum class SiteKind { Sleep, Alloc, Call };

struct RawSite {
  const Stmt *S;
  SiteKind K;
  std::string Name;  // the primitive, allocator or callee
  std::string Macro; // outermost macro of the module's text that produced it
  const CallExpr *CE = nullptr;
  const Expr *Gfp = nullptr;
  const FunctionDecl *Callee = nullptr;
  /// Conditions on the function's parameters the site is reached under:
  /// (condition, the value it must have). `if (block) msleep(1);`,
  /// `if (!can_sleep) return;` before it, `wait && wait_for_completion()`.
  std::vector<std::pair<const Expr *, bool>> Guards = {};
};

/// Whether a site sleeps for the arguments its callers pass.
enum class Tri { False, True, Depends };

/// The calls a site is reached through, innermost first: CE calls the
/// function whose site is asked about, from Caller.
struct EnvNode {
  const CallExpr *CE;
  const FunctionDecl *Caller;
  const EnvNode *Next;
  const RawSite *Site = nullptr; // the site of Caller that CE is
};

/// A store to a field of an object reached through a pointer, with the
/// tests of the object's fields it runs under.
struct FieldStore {
  SourceLocation Loc;
  const Expr *Base; // p of p->f
  BinaryOperatorKind Op;
  std::optional<int64_t> Val; // the stored value, when constant
  std::vector<FieldAtom> Under;
  const FunctionDecl *In;
};

struct Summary {
  bool Yes = false;           // may sleep whatever the arguments
  std::set<unsigned> Params;  // gfp parameters that may let it sleep
  /// Sites that sleep for some arguments only: a flag parameter guards
  /// them, or a parameter chooses their gfp flags. Asked again at each call.
  std::vector<const RawSite *> Cond;
  bool NonGfpCond = false; // some of Cond is not explained by Params
  const RawSite *WYes = nullptr, *WGfp = nullptr;
};

struct FnInfo {
  bool Collected = false;
  std::vector<RawSite> Sites;
  bool HasRegion = false; // calls or macros that begin/end atomic regions
  bool HasCount = false;  // module count get/put of THIS_MODULE
  std::vector<const VarDecl *> Guards;
  // Variables assigned after their initializer: scanned on first need
  // (most functions never ask), see assigned().
  const Stmt *Body = nullptr;
  /// Plain stores `v = e;` to the function's locals, with the conditions
  /// they run under; Opaque: locals changed any other way.
  std::map<const VarDecl *, std::vector<std::pair<const Expr *, std::vector<std::pair<const Expr *, bool>>>>> Stores;
  std::set<const VarDecl *> Opaque;
  /// Every assignment to a local, of any operator, and the last plain one.
  std::map<const VarDecl *, unsigned> StoreCount;
  std::map<const VarDecl *, const BinaryOperator *> LastStore;
  bool HasLabel = false;
  bool AssignedScanned = false;
  std::set<const VarDecl *> Assigned;
  /// Once-only initialisation: `if (p->f & M) return;` early, and the
  /// function sets p->f |= M itself (M 0: the truth of p->f). Candidates
  /// while collecting, then the confirmed ones.
  std::vector<std::tuple<const FieldDecl *, uint64_t, const ParmVarDecl *>> OnceCand;
  std::vector<std::pair<const FieldDecl *, uint64_t>> Once;
};

/// Facts held at a statement: atomic regions and a module count.
struct Fact {
  const RegionEntry *E = nullptr; // null: a module count
  std::string Key;
  const Stmt *Begin = nullptr;
  std::string BeginName;
  SourceLocation Loc;
  bool operator==(const Fact &O) const {
    return E == O.E && Key == O.Key && Begin == O.Begin;
  }
};
using FactState = std::vector<Fact>;

struct Event {
  enum Type { Begin, End, CountGet, CountPut } T;
  const RegionEntry *E = nullptr;
  std::string Name, Key;
};

struct RegionResult {
  bool Done = false;
  // Facts before each statement of interest (sites), once converged.
  std::map<const Stmt *, FactState> At;
};

/// x of __builtin_expect(x, c) (likely()/unlikely()), or null.
const Expr *expectArg(const Expr *E) {
  if (const auto *C = dyn_cast<CallExpr>(E))
    if (const FunctionDecl *F = C->getDirectCallee())
      if (F->getBuiltinID() == Builtin::BI__builtin_expect && C->getNumArgs() == 2)
        return C->getArg(0);
  return nullptr;
}

const Expr *ignoreExpect(const Expr *E, bool &Neg) {
  while (E) {
    E = E->IgnoreParenImpCasts();
    if (const auto *U = dyn_cast<UnaryOperator>(E)) {
      if (U->getOpcode() == UO_LNot) {
        Neg = !Neg;
        E = U->getSubExpr();
        continue;
      }
    }
    if (const Expr *X = expectArg(E)) {
      E = X;
      continue;
    }
    if (const auto *B = dyn_cast<BinaryOperator>(E)) {
      if (B->getOpcode() == BO_LAnd || B->getOpcode() == BO_LOr) {
        E = B->getRHS();
        continue;
      }
      if ((B->getOpcode() == BO_NE || B->getOpcode() == BO_EQ)) {
        const Expr *L = B->getLHS()->IgnoreParenImpCasts();
        const Expr *R = B->getRHS()->IgnoreParenImpCasts();
        const auto *IL = dyn_cast<IntegerLiteral>(R);
        if (IL && IL->getValue() == 0) {
          if (B->getOpcode() == BO_EQ)
            Neg = !Neg;
          E = L;
          continue;
        }
      }
    }
    return E;
  }
  return E;
}

} // namespace

// ---------------------------------------------------------------------------

struct SleepAnalysis::Impl {
  AnalysisContext &AC;
  SleepKnowledge K;
  MacroIndex Macros;
  std::map<const FunctionDecl *, FnInfo> Fns;
  std::map<const FunctionDecl *, Summary> Sums;
  bool Solved = false;
  std::map<const FunctionDecl *, std::vector<SleepSite>> Sites;
  std::map<const FunctionDecl *, RegionResult> Regions;
  std::unique_ptr<std::vector<CallbackUse>> Callbacks;
  std::vector<CallbackUse> ExternalCbs;

  explicit Impl(AnalysisContext &AC)
      : AC(AC), K(AC.kb()), Macros(AC.sm(), AC.langOpts()) {}

  const SourceManager &SM() const { return AC.sm(); }

  static const FunctionDecl *bodyOf(const FunctionDecl *FD) {
    return definitionOf(FD);
  }

  std::string spelled(const Expr *E) const {
    return spelledText(E, SM(), AC.langOpts());
  }

  /// The name the module wrote for call CE to N: the outermost macro it
  /// came from (spin_lock_irqsave for _raw_spin_lock_irqsave), or N.
  std::string visibleName(const Stmt *CE, const std::string &N) {
    const std::vector<MacroLevel> &Ms = Macros.of(CE->getBeginLoc());
    return Ms.empty() ? N : Ms.back().Name;
  }

  /// Key naming a lock argument: its text as the module spelled it, without
  /// the helpers that turn a spinlock_t * into the raw lock.
  std::string lockKey(const CallExpr *CE) const {
    if (!CE || CE->getNumArgs() == 0)
      return "";
    const Expr *A = stripCasts(CE->getArg(0));
    for (;;) {
      if (const auto *C = dyn_cast_or_null<CallExpr>(A)) {
        if (C->getNumArgs() != 1 || !C->getType()->isPointerType())
          break;
        A = stripCasts(C->getArg(0));
      } else if (const auto *U = dyn_cast_or_null<UnaryOperator>(A)) {
        if (U->getOpcode() != UO_AddrOf)
          break;
        A = stripCasts(U->getSubExpr());
      } else {
        break;
      }
    }
    std::string S = spelled(A);
    while (!S.empty() && (S[0] == '&' || S[0] == '('))
      S.erase(0, 1);
    while (!S.empty() && S.back() == ')' &&
           std::count(S.begin(), S.end(), '(') < std::count(S.begin(), S.end(), ')'))
      S.pop_back();
    return S;
  }

  // ---- collection --------------------------------------------------------

  class Collector : public RecursiveASTVisitor<Collector> {
  public:
    Collector(Impl &I, FnInfo &Info, const FunctionDecl *FD)
        : I(I), Info(Info), FD(FD) {}
    bool shouldVisitImplicitCode() const { return false; }
    // Operands that are never evaluated cannot sleep.
    bool TraverseUnaryExprOrTypeTraitExpr(UnaryExprOrTypeTraitExpr *) { return true; }

    // Nor can a branch the code rules out (`if (__sleep_us) usleep_range()`
    // of read_poll_timeout(..., 0, ...)).
    bool TraverseIfStmt(IfStmt *If) {
      std::optional<int64_t> V = I.constValue(If->getCond(), FD);
      if (If->getInit())
        TraverseStmt(If->getInit());
      if (If->getConditionVariableDeclStmt())
        TraverseStmt(If->getConditionVariableDeclStmt());
      TraverseStmt(If->getCond());
      if (!V) {
        guarded(If->getCond(), true, If->getThen());
        guarded(If->getCond(), false, If->getElse());
      } else if (*V) {
        TraverseStmt(If->getThen());
      } else if (If->getElse()) {
        TraverseStmt(If->getElse());
      }
      return true;
    }

    // The other ways code runs only when a condition holds.
    bool TraverseConditionalOperator(ConditionalOperator *CO) {
      TraverseStmt(CO->getCond());
      guarded(CO->getCond(), true, CO->getTrueExpr());
      guarded(CO->getCond(), false, CO->getFalseExpr());
      WalkUpFromConditionalOperator(CO);
      return true;
    }
    bool TraverseBinaryOperator(BinaryOperator *B, DataRecursionQueue * = nullptr) {
      if (B->getOpcode() != BO_LAnd && B->getOpcode() != BO_LOr)
        return RecursiveASTVisitor<Collector>::TraverseBinaryOperator(B);
      TraverseStmt(B->getLHS());
      guarded(B->getLHS(), B->getOpcode() == BO_LAnd, B->getRHS());
      WalkUpFromBinaryOperator(B);
      return true;
    }
    bool TraverseWhileStmt(WhileStmt *W) {
      if (W->getConditionVariableDeclStmt())
        TraverseStmt(W->getConditionVariableDeclStmt());
      TraverseStmt(W->getCond());
      guarded(W->getCond(), true, W->getBody());
      return true;
    }
    bool TraverseForStmt(ForStmt *F) {
      TraverseStmt(F->getInit());
      TraverseStmt(F->getCond());
      TraverseStmt(F->getInc());
      guarded(F->getCond(), true, F->getBody());
      return true;
    }
    // Only the association _Generic selects is evaluated (seqlock.h's
    // __seqprop() names the mutex variant beside the spinlock one).
    bool TraverseGenericSelectionExpr(GenericSelectionExpr *G) {
      if (G->isResultDependent())
        return true;
      return TraverseStmt(G->getResultExpr());
    }

    // `if (!block) return;` and `if (!block) goto out;` guard the rest of
    // the block, up to the next label or case (which other paths enter);
    // after `if (!IS_ENABLED(CONFIG_X)) return x;` that is taken, the rest
    // is dead up to there.
    bool TraverseCompoundStmt(CompoundStmt *CS) {
      size_t N = Guards.size();
      bool Dead = false;
      for (Stmt *C : CS->body()) {
        if (isa_and_nonnull<LabelStmt>(C) || isa_and_nonnull<SwitchCase>(C)) {
          Guards.resize(N);
          Dead = false;
        }
        if (Dead && !hasLabel(C))
          continue;
        Dead = false;
        TraverseStmt(C);
        if (isa_and_nonnull<ReturnStmt>(C) || isa_and_nonnull<GotoStmt>(C)) {
          Dead = true;
          continue;
        }
        const auto *If = dyn_cast_or_null<IfStmt>(C);
        if (If && !If->getElse() && !If->getInit() && !If->getConditionVariable() &&
            exits(If->getThen()))
          if (std::optional<int64_t> V = I.constValue(If->getCond(), FD))
            if (*V) {
              Dead = true;
              continue;
            }
        if (If && !If->getElse() && !If->getInit() &&
            !If->getConditionVariable() && exits(If->getThen()) &&
            mentionsParam(If->getCond(), 0) && !I.constValue(If->getCond(), FD)) {
          Guards.push_back({If->getCond(), false});
          if (returns(If->getThen()))
            onceCandidate(If->getCond());
        }
      }
      Guards.resize(N);
      return true;
    }

    bool VisitStmt(Stmt *S) {
      size_t N = Info.Sites.size();
      if (const auto *CE = dyn_cast<CallExpr>(S))
        call(CE);
      else if (S->getBeginLoc().isMacroID() && isa<Expr>(S))
        macroOnly(S);
      if (!Guards.empty())
        for (size_t K = N; K < Info.Sites.size(); ++K)
          Info.Sites[K].Guards = Guards;
      return true;
    }

    bool VisitBinaryOperator(BinaryOperator *B) {
      if (!B->isAssignmentOp())
        return true;
      if (const auto *M = dyn_cast<MemberExpr>(B->getLHS()->IgnoreParenImpCasts()))
        if (const auto *Fd = dyn_cast<FieldDecl>(M->getMemberDecl())) {
          FieldStore St{I.SM().getExpansionLoc(B->getBeginLoc()),
                        M->isArrow() ? M->getBase() : nullptr, B->getOpcode(),
                        std::nullopt, {}, FD};
          Expr::EvalResult ER;
          if (!B->getRHS()->isValueDependent() &&
              B->getRHS()->EvaluateAsInt(ER, I.AC.ast()))
            St.Val = ER.Val.getInt().getExtValue();
          for (const auto &[C, Holds] : Guards)
            if (auto A = fieldAtom(C, Holds, I.AC.ast()))
              St.Under.push_back(*A);
          I.FieldStores[Fd].push_back(std::move(St));
          return true;
        }
      const auto *D = dyn_cast<DeclRefExpr>(B->getLHS()->IgnoreParenImpCasts());
      const auto *V = D ? dyn_cast<VarDecl>(D->getDecl()) : nullptr;
      if (!V || !V->isLocalVarDecl() || V->isStaticLocal())
        return true;
      ++Info.StoreCount[V];
      if (B->getOpcode() == BO_Assign) {
        Info.Stores[V].push_back({B->getRHS(), Guards});
        Info.LastStore[V] = B;
      }
      else if (B->getOpcode() != BO_AndAssign &&
               !(B->getOpcode() == BO_OrAssign && I.gfp(B->getRHS(), nullptr).none()))
        Info.Opaque.insert(V);
      return true;
    }
    bool VisitUnaryOperator(UnaryOperator *U) {
      if (U->isIncrementDecrementOp() || U->getOpcode() == UO_AddrOf) {
        const Expr *X = U->getSubExpr()->IgnoreParenImpCasts();
        if (const auto *D = dyn_cast<DeclRefExpr>(X))
          if (const auto *V = dyn_cast<VarDecl>(D->getDecl()))
            Info.Opaque.insert(V);
        // A field changed, or handed out, where its stores are not seen.
        if (const auto *M = dyn_cast<MemberExpr>(X))
          if (const auto *Fd = dyn_cast<FieldDecl>(M->getMemberDecl()))
            I.OpaqueFields.insert(Fd);
      }
      return true;
    }

    bool VisitLabelStmt(LabelStmt *) {
      Info.HasLabel = true;
      return true;
    }

    bool VisitVarDecl(VarDecl *V) {
      if (V->hasAttr<CleanupAttr>() && V->getInit())
        Info.Guards.push_back(V);
      return true;
    }

    /// A statement no call stands for: a sleeping macro (might_sleep() with
    /// CONFIG_DEBUG_ATOMIC_SLEEP off) or a region macro (preempt_disable()
    /// without CONFIG_PREEMPT_COUNT).
    void macroOnly(const Stmt *S) {
      const std::vector<MacroLevel> &Ms = I.Macros.of(S->getBeginLoc());
      for (auto It = Ms.rbegin(); It != Ms.rend(); ++It) {
        if (I.K.Regions.count(It->Name) || I.K.Ends.count(It->Name)) {
          Info.HasRegion = true;
          return;
        }
        if (std::optional<bool> V = I.K.sleeps(It->Name)) {
          if (*V && SeenMacro.insert(It->Exp).second)
            Info.Sites.push_back({S, SiteKind::Sleep, It->Name, It->Name});
          return;
        }
      }
    }

    void call(const CallExpr *CE) {
      const std::vector<MacroLevel> &Ms = I.Macros.of(CE->getBeginLoc());
      const MacroLevel *Listed = nullptr;
      bool ListedSleeps = false;
      for (auto It = Ms.rbegin(); It != Ms.rend(); ++It) {
        if (I.K.Regions.count(It->Name) || I.K.Ends.count(It->Name)) {
          Info.HasRegion = true;
          break;
        }
        if (std::optional<bool> V = I.K.sleeps(It->Name)) {
          Listed = &*It;
          ListedSleeps = *V;
          break;
        }
      }
      if (Listed && !ListedSleeps)
        return; // might_sleep_if(), cond_resched_lock(): not a sleep here
      if (Listed) {
        // A sleeping macro is one site, whatever calls its expansion makes.
        if (SeenMacro.insert(Listed->Exp).second)
          Info.Sites.push_back({CE, SiteKind::Sleep, Listed->Name, Listed->Name, CE});
        return;
      }
      std::string Outer = Ms.empty() ? "" : Ms.back().Name;
      const FunctionDecl *Callee = CE->getDirectCallee();
      if (Callee && Callee->getIdentifier()) {
        std::string N = Callee->getName().str();
        if (I.K.Regions.count(N) || I.K.Ends.count(N)) {
          Info.HasRegion = true;
          return;
        }
        if (I.K.CountGetters.count(N) || I.K.CountTryGetters.count(N) ||
            I.K.CountPutters.count(N))
          Info.HasCount = true;
        if (std::optional<bool> V = I.K.sleeps(N)) {
          if (*V)
            Info.Sites.push_back({CE, SiteKind::Sleep, N, Outer, CE});
          return;
        }
        if (const unsigned *A = I.K.find(I.K.Allocators, N)) {
          if (*A < CE->getNumArgs())
            Info.Sites.push_back(
                {CE, SiteKind::Alloc, N, Outer, CE, CE->getArg(*A)});
          return;
        }
        if (const FunctionDecl *Def = bodyOf(Callee)) {
          Info.Sites.push_back({CE, SiteKind::Call, N, Outer, CE, nullptr, Def});
          return;
        }
      }
    }

  private:
    /// Traverse S as reached only when Cond has value Holds (a guard kept
    /// only when a parameter of the function takes part in Cond).
    void guarded(const Expr *Cond, bool Holds, Stmt *S) {
      if (!S)
        return;
      bool Keep = Cond && mentionsParam(Cond, 0);
      if (Keep)
        Guards.push_back({Cond, Holds});
      TraverseStmt(S);
      if (Keep)
        Guards.pop_back();
    }

    /// Whether E reads a parameter of the function, directly or through a
    /// local's initializer (whether they change is asked later, if needed).
    bool mentionsParam(const Stmt *E, int Depth) const {
      // Depth counts the locals followed to their initializers.
      if (!E || Depth > 8)
        return false;
      if (const auto *D = dyn_cast<DeclRefExpr>(E)) {
        if (const auto *P = dyn_cast<ParmVarDecl>(D->getDecl()))
          return P->getDeclContext() == FD;
        if (const auto *V = dyn_cast<VarDecl>(D->getDecl())) {
          if (!V->isLocalVarDecl() || V->isStaticLocal())
            return false;
          if (mentionsParam(V->getInit(), Depth + 1))
            return true;
          // Or a store seen so far (`enable = more | h->sdio_irqen;`).
          auto St = Info.Stores.find(V);
          if (St != Info.Stores.end())
            for (const auto &Store : St->second)
              if (mentionsParam(Store.first, Depth + 1))
                return true;
        }
        return false;
      }
      if (isa<CallExpr>(E) && !expectArg(cast<CallExpr>(E)))
        return false; // a call's result is not a function of the parameters
      if (isa<StmtExpr>(E))
        return false;
      for (const Stmt *C : E->children())
        if (mentionsParam(C, Depth))
          return true;
      return false;
    }

    static bool returns(const Stmt *S) {
      if (isa_and_nonnull<ReturnStmt>(S))
        return true;
      if (const auto *CS = dyn_cast_or_null<CompoundStmt>(S))
        return !CS->body_empty() && returns(CS->body_back());
      return false;
    }
    static bool hasLabel(const Stmt *S) {
      if (!S || isa<LabelStmt>(S) || isa<SwitchCase>(S))
        return S != nullptr;
      for (const Stmt *C : S->children())
        if (hasLabel(C))
          return true;
      return false;
    }
    static bool exits(const Stmt *S) {
      if (isa_and_nonnull<ReturnStmt>(S) || isa_and_nonnull<GotoStmt>(S))
        return true;
      if (const auto *CS = dyn_cast_or_null<CompoundStmt>(S))
        return !CS->body_empty() && exits(CS->body_back());
      return false;
    }

    /// `if (p->f & M) return ...;` on a parameter p: the start of a
    /// once-only initialisation, if the function also sets the flag.
    void onceCandidate(const Expr *Cond) {
      std::optional<FieldAtom> A = fieldAtom(Cond, true, I.AC.ast());
      if (!A || !A->Holds || A->K == FieldAtom::Eq)
        return;
      const auto *D = dyn_cast<DeclRefExpr>(A->Base->IgnoreParenCasts());
      const auto *P = D ? dyn_cast<ParmVarDecl>(D->getDecl()) : nullptr;
      if (P && P->getDeclContext() == FD)
        Info.OnceCand.emplace_back(A->F, A->K == FieldAtom::Bits ? uint64_t(A->C) : 0, P);
    }

    Impl &I;
    FnInfo &Info;
    const FunctionDecl *FD;
    std::set<FileID> SeenMacro;
    std::vector<std::pair<const Expr *, bool>> Guards;
  };

  /// Variables whose value changes after their initializer. `g |= X` with
  /// flags that cannot reclaim and `g &= X` keep a gfp value what it was
  /// (`gfp_mask |= __GFP_COMP` in __dev_alloc_pages()).
  class AssignScanner : public RecursiveASTVisitor<AssignScanner> {
  public:
    AssignScanner(Impl &I, std::set<const VarDecl *> &Out) : I(I), Out(Out) {}
    bool VisitBinaryOperator(BinaryOperator *BO) {
      if (!BO->isAssignmentOp())
        return true;
      if (BO->getOpcode() == BO_AndAssign ||
          (BO->getOpcode() == BO_OrAssign && I.gfp(BO->getRHS(), nullptr).none()))
        return true;
      add(BO->getLHS());
      return true;
    }
    bool VisitUnaryOperator(UnaryOperator *U) {
      if (U->isIncrementDecrementOp() || U->getOpcode() == UO_AddrOf)
        add(U->getSubExpr());
      return true;
    }
    void add(const Expr *E) {
      if (const auto *D = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts()))
        if (const auto *V = dyn_cast<VarDecl>(D->getDecl()))
          Out.insert(V);
    }

  private:
    Impl &I;
    std::set<const VarDecl *> &Out;
  };

  /// The integer value of a branch condition, when the code says it: a
  /// constant, or a local never changed after a constant initializer
  /// (read_poll_timeout()'s `__sleep_us` when the caller passed 0).
  std::optional<int64_t> constValue(const Expr *E, const FunctionDecl *F) {
    bool Hit = false;
    return evalCond(E, F, nullptr, Hit);
  }

  /// The value of E in function F when reached through the calls Env: a
  /// parameter of F that F never changes takes the argument its caller
  /// passed. Hit is set when the value depends on a parameter of the
  /// outermost function (no call known for it).
  std::optional<int64_t> evalCond(const Expr *E, const FunctionDecl *F,
                                  const EnvNode *Env, bool &Hit, int Depth = 0) {
    if (!E || Depth > 24)
      return std::nullopt;
    // A conversion to bool is 1 for any nonzero value (`more | other`).
    if (const auto *IC = dyn_cast<ImplicitCastExpr>(E->IgnoreParens()))
      if (IC->getCastKind() == CK_IntegralToBoolean ||
          IC->getCastKind() == CK_PointerToBoolean) {
        if (std::optional<bool> T = truthOf(IC->getSubExpr(), F, Env, Hit, Depth + 1))
          return int64_t(*T);
        return std::nullopt;
      }
    E = E->IgnoreParenCasts();
    if (const auto *U = dyn_cast<UnaryOperator>(E)) {
      if (U->getOpcode() == UO_LNot)
        if (auto V = evalCond(U->getSubExpr(), F, Env, Hit, Depth + 1))
          return int64_t(!*V);
      return std::nullopt;
    }
    if (const auto *B = dyn_cast<BinaryOperator>(E)) {
      BinaryOperatorKind Op = B->getOpcode();
      if (Op == BO_Comma)
        return evalCond(B->getRHS(), F, Env, Hit, Depth + 1);
      auto L = evalCond(B->getLHS(), F, Env, Hit, Depth + 1);
      if (Op == BO_LAnd && L && !*L)
        return int64_t(0);
      if (Op == BO_LOr && L && *L)
        return int64_t(1);
      auto R = evalCond(B->getRHS(), F, Env, Hit, Depth + 1);
      switch (Op) {
      case BO_LAnd:
        if (R && !*R)
          return int64_t(0);
        return L && R ? std::optional<int64_t>(1) : std::nullopt;
      case BO_LOr:
        if (R && *R)
          return int64_t(1);
        return L && R ? std::optional<int64_t>(0) : std::nullopt;
      case BO_And:
        if ((L && !*L) || (R && !*R))
          return int64_t(0);
        if (L && R)
          return *L & *R;
        // `h->flags & FLAG` with the flag known set on the way here.
        if (const MemberExpr *M = followedMember(L ? B->getRHS() : B->getLHS())) {
          uint64_t Mask = uint64_t(L ? *L : R ? *R : 0);
          bool Outer = false;
          FieldKnow Kn = knowField(cast<FieldDecl>(M->getMemberDecl()), M->getBase(), F, Env, Outer);
          if (Mask && (Kn.bits() & Mask) == Mask)
            return int64_t(Mask);
        }
        return std::nullopt;
      default:
        break;
      }
      if (!L || !R)
        return std::nullopt;
      switch (Op) {
      case BO_EQ: return int64_t(*L == *R);
      case BO_NE: return int64_t(*L != *R);
      case BO_LT: return int64_t(*L < *R);
      case BO_GT: return int64_t(*L > *R);
      case BO_LE: return int64_t(*L <= *R);
      case BO_GE: return int64_t(*L >= *R);
      case BO_Or: return *L | *R;
      case BO_Xor: return *L ^ *R;
      case BO_Add: return *L + *R;
      case BO_Sub: return *L - *R;
      case BO_Mul: return *L * *R;
      case BO_Shl:
        return *L >= 0 && *R >= 0 && *R < 63 ? std::optional<int64_t>(*L << *R) : std::nullopt;
      case BO_Shr: return *R >= 0 && *R < 63 ? std::optional<int64_t>(*L >> *R) : std::nullopt;
      default: return std::nullopt;
      }
    }
    if (const Expr *X = expectArg(E))
      return evalCond(X, F, Env, Hit, Depth + 1);
    if (const auto *D = dyn_cast<DeclRefExpr>(E)) {
      if (const auto *P = dyn_cast<ParmVarDecl>(D->getDecl())) {
        unsigned Idx = P->getFunctionScopeIndex();
        if (!F || P->getDeclContext() != F || Idx >= F->getNumParams() ||
            assigned(info(F)).count(P))
          return std::nullopt;
        if (!Env) {
          Hit = true;
          return std::nullopt;
        }
        if (Idx >= Env->CE->getNumArgs())
          return std::nullopt;
        return evalCond(Env->CE->getArg(Idx), Env->Caller, Env->Next, Hit, Depth + 1);
      }
      if (const auto *V = dyn_cast<VarDecl>(D->getDecl()))
        if (F && V->isLocalVarDecl() && !V->isStaticLocal()) {
          if (V->getInit() && !assigned(info(F)).count(V))
            return evalCond(V->getInit(), F, Env, Hit, Depth + 1);
          if (const Expr *X = onlyStoreBefore(V, F, D))
            return evalCond(X, F, Env, Hit, Depth + 1);
        }
    }
    if (const MemberExpr *M = followedMember(E)) {
      const auto *Fd = cast<FieldDecl>(M->getMemberDecl());
      bool Outer = false;
      FieldKnow Kn = knowField(Fd, M->getBase(), F, Env, Outer);
      if (!Kn.empty())
        if (std::optional<int64_t> V = Kn.value(Fd))
          return V;
      Hit |= Outer;
      return std::nullopt;
    }
    if (E->isValueDependent() || E->HasSideEffects(AC.ast()))
      return std::nullopt;
    Expr::EvalResult ER;
    if (E->EvaluateAsInt(ER, AC.ast()))
      return ER.Val.getInt().getExtValue();
    return std::nullopt;
  }

  /// Whether E is nonzero: its value when known, or an `|` with a side
  /// known nonzero.
  std::optional<bool> truthOf(const Expr *E, const FunctionDecl *F,
                              const EnvNode *Env, bool &Hit, int Depth = 0) {
    if (std::optional<int64_t> V = evalCond(E, F, Env, Hit, Depth))
      return *V != 0;
    if (const auto *B = dyn_cast_or_null<BinaryOperator>(E ? E->IgnoreParenCasts() : nullptr))
      if (B->getOpcode() == BO_Or)
        for (const Expr *Side : {B->getLHS(), B->getRHS()})
          if (std::optional<int64_t> V = evalCond(Side, F, Env, Hit, Depth + 1))
            if (*V)
              return true;
    return std::nullopt;
  }

  /// The value a local has at Use when its only store is a statement of the
  /// function body itself (no branch or loop around it), before Use, in a
  /// function without labels: `bool enable = false; … enable = more | x;`.
  const Expr *onlyStoreBefore(const VarDecl *V, const FunctionDecl *F,
                              const DeclRefExpr *Use) {
    FnInfo &FI = info(F);
    auto N = FI.StoreCount.find(V);
    auto L = FI.LastStore.find(V);
    if (FI.HasLabel || N == FI.StoreCount.end() || N->second != 1 ||
        L == FI.LastStore.end() || FI.Opaque.count(V))
      return nullptr;
    const auto *Body = dyn_cast_or_null<CompoundStmt>(FI.Body);
    if (!Body || std::find(Body->body_begin(), Body->body_end(), L->second) == Body->body_end())
      return nullptr;
    if (!SM().isBeforeInTranslationUnit(SM().getExpansionLoc(L->second->getEndLoc()),
                                        SM().getExpansionLoc(Use->getBeginLoc())))
      return nullptr;
    return L->second->getRHS();
  }

  const std::set<const VarDecl *> &assigned(FnInfo &Info) {
    if (!Info.AssignedScanned) {
      Info.AssignedScanned = true;
      AssignScanner A(*this, Info.Assigned);
      A.TraverseStmt(const_cast<Stmt *>(Info.Body));
    }
    return Info.Assigned;
  }

  FnInfo &info(const FunctionDecl *FD) {
    FnInfo &Info = Fns[FD];
    if (!Info.Collected) {
      Info.Collected = true;
      Info.Body = FD->getBody();
      Collector C(*this, Info, FD);
      C.TraverseStmt(const_cast<Stmt *>(FD->getBody()));
      confirmOnce(Info, FD);
    }
    return Info;
  }

  // ---- fields ------------------------------------------------------------
  //
  // Path conditions on the fields of a driver's objects. Two sources say
  // what a field holds where a sleeping site is guarded by a test of it:
  //
  // * The tests on the way down. A call made under `if (a->intern_err)`
  //   passes that fact on to what its callees test of the same object; and
  //   when every store that can set a flag runs under a test of another
  //   field of the same object (`a->intern_err = true` only where
  //   `a->adapter_type != BLOGIC_MULTIMASTER`), which no code of the path
  //   changes, the flag set implies that test too. An enum field holds one
  //   of its enumerators.
  // * Once-only initialisation. A function that returns early when a flag
  //   is set and sets it itself (`if (h->fw_flag & FW_ALLOC) return 0; …
  //   h->fw_flag |= FW_ALLOC;`) has run when the function that registers a
  //   callback called it before the registration: the callback, entered
  //   only that way, finds the flag set.
  //
  // Stores are seen in this translation unit only.

  std::map<const FieldDecl *, std::vector<FieldStore>> FieldStores;
  std::set<const FieldDecl *> OpaqueFields;
  bool FieldsReady = false;
  std::set<const FieldDecl *> Interesting; // fields whose tests are followed
  std::map<std::pair<const FieldDecl *, uint64_t>, std::vector<FieldAtom>> Invariants;
  std::map<const FunctionDecl *, std::set<const FunctionDecl *>> ReachCache;
  std::map<const FunctionDecl *, unsigned> DirectCalls;
  /// Registration calls handing out each callback, with the function making
  /// them; OtherCbUse: callbacks also handed out some other way.
  std::map<const FunctionDecl *, std::vector<std::pair<const CallExpr *, const FunctionDecl *>>> RegCalls;
  std::set<const FunctionDecl *> OtherCbUse;
  using OnceFact = std::pair<const FieldDecl *, uint64_t>;
  std::map<const FunctionDecl *, std::vector<OnceFact>> EntryCache;

  void confirmOnce(FnInfo &Info, const FunctionDecl *FD) {
    for (const auto &[Fd, Mask, P] : Info.OnceCand) {
      auto It = FieldStores.find(Fd);
      if (It == FieldStores.end())
        continue;
      for (const FieldStore &St : It->second) {
        const auto *D = St.Base ? dyn_cast<DeclRefExpr>(St.Base->IgnoreParenCasts()) : nullptr;
        if (St.In != FD || !D || D->getDecl() != P || !St.Val)
          continue;
        bool Sets = Mask ? (St.Op == BO_OrAssign || St.Op == BO_Assign) &&
                               (uint64_t(*St.Val) & Mask) == Mask
                         : St.Op == BO_Assign && *St.Val != 0;
        if (Sets) {
          Info.Once.push_back({Fd, Mask});
          break;
        }
      }
    }
    Info.OnceCand.clear();
  }

  /// After every function is collected: the fields worth following.
  void readyFields() {
    FieldsReady = true;
    for (auto &[FD, Info] : Fns) {
      for (const auto &O : Info.Once)
        Interesting.insert(O.first);
      for (const RawSite &S : Info.Sites)
        if (S.K == SiteKind::Call)
          ++DirectCalls[S.Callee];
    }
    for (auto &[Fd, Stores] : FieldStores) {
      std::set<uint64_t> Masks{~uint64_t(0)};
      for (const FieldStore &St : Stores)
        if (St.Val && *St.Val && (St.Op == BO_OrAssign || St.Op == BO_Assign))
          Masks.insert(uint64_t(*St.Val));
      for (uint64_t M : Masks)
        for (const FieldAtom &A : invariant(Fd, M))
          Interesting.insert(A.F);
    }
  }

  /// Intersect R with Here (R takes Here the first time): what holds on
  /// every one of several paths or registrations.
  template <typename T, typename Same>
  static void keepCommon(std::vector<T> &R, const std::vector<T> &Here, bool &First,
                         Same S) {
    if (First) {
      R = Here;
      First = false;
      return;
    }
    R.erase(std::remove_if(R.begin(), R.end(),
                           [&](const T &A) {
                             return std::none_of(Here.begin(), Here.end(),
                                                 [&](const T &B) { return S(A, B); });
                           }),
            R.end());
  }

  /// The object a pointer expression of F designates, followed through
  /// unchanged locals and, with Env, through parameters to the callers'
  /// arguments. Passed: the calls gone through.
  struct Root {
    const ValueDecl *D = nullptr;
    const FunctionDecl *In = nullptr; // null for a global
    bool OuterParam = false;          // a parameter of the outermost function
    bool operator==(const Root &O) const { return D && D == O.D && In == O.In; }
  };
  Root rootOf(const Expr *X, const FunctionDecl *F, const EnvNode *Env,
              std::vector<const EnvNode *> *Passed) {
    for (int Step = 0; X && Step < 16; ++Step) {
      const auto *D = dyn_cast<DeclRefExpr>(X->IgnoreParenCasts());
      if (!D)
        return {};
      if (const auto *P = dyn_cast<ParmVarDecl>(D->getDecl())) {
        if (!F || P->getDeclContext() != F || assigned(info(F)).count(P))
          return {};
        if (!Env)
          return {P, F, true};
        unsigned Idx = P->getFunctionScopeIndex();
        if (Idx >= Env->CE->getNumArgs())
          return {};
        if (Passed)
          Passed->push_back(Env);
        X = Env->CE->getArg(Idx);
        F = Env->Caller;
        Env = Env->Next;
        continue;
      }
      const auto *V = dyn_cast<VarDecl>(D->getDecl());
      if (!V)
        return {};
      if (!V->isLocalVarDecl() || V->isStaticLocal())
        return {V, nullptr, false};
      if (F && V->getInit() && !assigned(info(F)).count(V)) {
        X = V->getInit();
        continue;
      }
      return {V, F, false};
    }
    return {};
  }

  /// Functions F calls, itself included, through this TU's functions.
  const std::set<const FunctionDecl *> &reachableFrom(const FunctionDecl *F) {
    auto It = ReachCache.find(F);
    if (It != ReachCache.end())
      return It->second;
    std::set<const FunctionDecl *> &R = ReachCache[F];
    std::vector<const FunctionDecl *> Work{F};
    R.insert(F);
    while (!Work.empty()) {
      const FunctionDecl *G = Work.back();
      Work.pop_back();
      for (const RawSite &S : info(G).Sites)
        if (S.K == SiteKind::Call && R.insert(S.Callee).second)
          Work.push_back(S.Callee);
    }
    return R;
  }

  /// Tests of the same object that hold wherever F may be given one of the
  /// bits of Mask (all ones: a nonzero value), in this TU.
  const std::vector<FieldAtom> &invariant(const FieldDecl *Fd, uint64_t Mask) {
    auto Key = std::make_pair(Fd, Mask);
    auto It = Invariants.find(Key);
    if (It != Invariants.end())
      return It->second;
    std::vector<FieldAtom> &R = Invariants[Key];
    auto St = FieldStores.find(Fd);
    if (OpaqueFields.count(Fd) || InitFields.count(Fd) || St == FieldStores.end())
      return R;
    bool First = true;
    for (const FieldStore &S : St->second) {
      if (!storeMaySet(S.Op, S.Val, Mask))
        continue;
      Root SR = S.Base ? rootOf(S.Base, S.In, nullptr, nullptr) : Root{};
      if (!SR.D) {
        R.clear();
        return R;
      }
      std::vector<FieldAtom> Here;
      for (const FieldAtom &A : S.Under)
        if (A.F != Fd && rootOf(A.Base, S.In, nullptr, nullptr) == SR)
          Here.push_back(A);
      keepCommon(R, Here, First,
                 [](const FieldAtom &A, const FieldAtom &B) { return A.sameTest(B); });
      if (R.empty())
        return R;
    }
    return R;
  }

  /// Whether field G keeps its value while Top runs and while F is set: no
  /// code reachable from either stores it (probe and setup code do).
  bool stableWhile(const FieldDecl *G, const FunctionDecl *Top, const FieldDecl *F) {
    if (OpaqueFields.count(G))
      return false;
    auto GS = FieldStores.find(G);
    if (GS == FieldStores.end())
      return true;
    std::vector<const FunctionDecl *> From{Top};
    for (const FieldStore &S : FieldStores[F])
      From.push_back(S.In);
    for (const FunctionDecl *X : From) {
      const auto &Reach = reachableFrom(X);
      for (const FieldStore &S : GS->second)
        if (Reach.count(S.In))
          return false;
    }
    return true;
  }

  /// Once-initialised flags a callback finds set on entry: those set by
  /// once-only initialisers that every function registering it calls
  /// before the registration. Only for callbacks entered no other way.
  const std::vector<OnceFact> &entryFacts(const FunctionDecl *Top) {
    auto It = EntryCache.find(Top);
    if (It != EntryCache.end())
      return It->second;
    std::vector<OnceFact> &R = EntryCache[Top];
    if (!FieldsReady || Interesting.empty())
      return R;
    callbacks();
    auto RC = RegCalls.find(Top);
    if (RC == RegCalls.end() || OtherCbUse.count(Top) || DirectCalls.count(Top))
      return R;
    // Named nowhere else (an ops table the knowledge base does not know).
    auto Refs = AddressRefs.find(Top->getCanonicalDecl());
    if (Refs == AddressRefs.end() || Refs->second != RC->second.size())
      return R;
    bool First = true;
    for (const auto &[CE, P] : RC->second) {
      SourceLocation At = SM().getExpansionLoc(CE->getBeginLoc());
      std::set<const FunctionDecl *> Before;
      for (const RawSite &S : info(P).Sites)
        if (S.K == SiteKind::Call &&
            SM().isBeforeInTranslationUnit(SM().getExpansionLoc(S.CE->getBeginLoc()), At)) {
          const auto &Reach = reachableFrom(S.Callee);
          Before.insert(Reach.begin(), Reach.end());
        }
      std::vector<OnceFact> Here;
      for (const FunctionDecl *G : Before)
        for (const OnceFact &O : info(G).Once)
          if (std::find(Here.begin(), Here.end(), O) == Here.end())
            Here.push_back(O);
      keepCommon(R, Here, First, std::equal_to<OnceFact>());
    }
    return R;
  }

  /// Whether F stores field Fd between test C and call CE (in the text:
  /// `if (d->pending) { d->pending = 0; handle(d); }`), which makes the test
  /// say nothing of the field at the call.
  bool storedBetween(const FieldDecl *Fd, const FunctionDecl *F, const Expr *C,
                     const CallExpr *CE) {
    auto It = FieldStores.find(Fd);
    if (It == FieldStores.end())
      return false;
    SourceLocation From = SM().getExpansionLoc(C->getEndLoc());
    SourceLocation To = SM().getExpansionLoc(CE->getBeginLoc());
    for (const FieldStore &St : It->second)
      if (St.In == F && SM().isBeforeInTranslationUnit(From, St.Loc) &&
          SM().isBeforeInTranslationUnit(St.Loc, To))
        return true;
    return false;
  }

  /// What the way down to F (Env) says about field Fd of the object Base
  /// points to. Outer is set when that object is a parameter of the
  /// outermost function and nothing is known: the callers decide.
  FieldKnow knowField(const FieldDecl *Fd, const Expr *Base, const FunctionDecl *F,
                      const EnvNode *Env, bool &Outer) {
    FieldKnow Kn;
    std::vector<const EnvNode *> Passed;
    Root R = rootOf(Base, F, Env, &Passed);
    const FunctionDecl *Top = F;
    for (const EnvNode *E = Env; E; E = E->Next)
      Top = E->Caller;
    for (const OnceFact &O : entryFacts(Top))
      if (O.first == Fd) {
        FieldAtom A;
        A.F = Fd;
        A.K = O.second ? FieldAtom::Bits : FieldAtom::Truth;
        A.C = int64_t(O.second);
        Kn.apply(A);
      }
    if (R.D)
      for (const EnvNode *N : Passed) {
        if (!N->Site)
          continue;
        for (const auto &[C, Holds] : N->Site->Guards) {
          std::optional<FieldAtom> A = fieldAtom(C, Holds, AC.ast());
          if (!A || !(rootOf(A->Base, N->Caller, N->Next, nullptr) == R))
            continue;
          if (A->F == Fd) {
            if (!storedBetween(A->F, N->Caller, C, N->CE))
              Kn.apply(*A);
            continue;
          }
          uint64_t Mask = atomSetMask(*A);
          if (!Mask)
            continue;
          for (const FieldAtom &I : invariant(A->F, Mask))
            if (I.F == Fd && stableWhile(Fd, Top, A->F))
              Kn.apply(I);
        }
      }
    Outer = R.OuterParam && Kn.empty();
    return Kn;
  }

  /// The member test E when followed (see above), or nothing.
  const MemberExpr *followedMember(const Expr *E) {
    if (!FieldsReady || !E)
      return nullptr;
    const MemberExpr *M = arrowMember(E);
    return M && Interesting.count(cast<FieldDecl>(M->getMemberDecl())) ? M : nullptr;
  }

  // ---- gfp ---------------------------------------------------------------

  bool usesContextTest(const Expr *E) {
    if (!E)
      return false;
    for (const MacroLevel &M : Macros.of(E->getBeginLoc()))
      if (K.ContextTests.count(M.Name))
        return true;
    for (const Stmt *C : E->children())
      if (const auto *CE = dyn_cast_or_null<Expr>(C))
        if (usesContextTest(CE))
          return true;
    if (const auto *CE = dyn_cast<CallExpr>(E))
      if (const FunctionDecl *F = CE->getDirectCallee())
        if (F->getIdentifier() && K.ContextTests.count(F->getName().str()))
          return true;
    return false;
  }

  GfpVal gfp(const Expr *E, const FunctionDecl *FD, int Depth = 0) {
    GfpVal R;
    if (!E || Depth > 24) {
      R.Blocks = true;
      return R;
    }
    for (const MacroLevel &M : Macros.covering(E->getBeginLoc(), E->getEndLoc()))
      if (const bool *V = K.find(K.Gfp, M.Name)) {
        R.Blocks = *V;
        return R;
      }
    E = E->IgnoreParens();
    if (const auto *C = dyn_cast<CastExpr>(E))
      return gfp(C->getSubExpr(), FD, Depth + 1);
    if (const auto *B = dyn_cast<BinaryOperator>(E)) {
      switch (B->getOpcode()) {
      case BO_Or:
      case BO_Xor:
      case BO_Add: {
        R = gfp(B->getLHS(), FD, Depth + 1);
        R.join(gfp(B->getRHS(), FD, Depth + 1));
        return R;
      }
      case BO_And: {
        for (const Expr *Side : {B->getRHS(), B->getLHS()}) {
          const Expr *S = Side->IgnoreParenCasts();
          if (const auto *U = dyn_cast<UnaryOperator>(S))
            if (U->getOpcode() == UO_Not && gfp(U->getSubExpr(), FD, Depth + 1).Blocks)
              return R; // the reclaim bit is masked off
        }
        GfpVal L = gfp(B->getLHS(), FD, Depth + 1), Rt = gfp(B->getRHS(), FD, Depth + 1);
        if (L.none() || Rt.none())
          return R;
        L.join(Rt);
        return L;
      }
      case BO_Comma:
        return gfp(B->getRHS(), FD, Depth + 1);
      default:
        R.Blocks = true;
        return R;
      }
    }
    if (const auto *C = dyn_cast<ConditionalOperator>(E)) {
      if (usesContextTest(C->getCond()))
        return R; // adapts to the context it runs in
      R = gfp(C->getTrueExpr(), FD, Depth + 1);
      R.join(gfp(C->getFalseExpr(), FD, Depth + 1));
      return R;
    }
    if (isa<IntegerLiteral>(E) || isa<CharacterLiteral>(E))
      return R; // a constant with no reclaim flag
    if (const auto *D = dyn_cast<DeclRefExpr>(E)) {
      if (isa<EnumConstantDecl>(D->getDecl()))
        return R;
      if (const auto *P = dyn_cast<ParmVarDecl>(D->getDecl())) {
        if (FD) {
          unsigned Idx = P->getFunctionScopeIndex();
          if (Idx < FD->getNumParams() && FD->getParamDecl(Idx) == P &&
              !assigned(info(FD)).count(P)) {
            R.Params.insert(Idx);
            return R;
          }
        }
        R.Blocks = true;
        return R;
      }
      if (const auto *V = dyn_cast<VarDecl>(D->getDecl())) {
        // A local never assigned after its initializer has that value.
        if (FD && V->isLocalVarDecl() && !V->isStaticLocal() && V->getInit() &&
            !assigned(info(FD)).count(V))
          return gfp(V->getInit(), FD, Depth + 1);
        if (V->getType().isConstQualified() && V->getInit())
          return gfp(V->getInit(), FD, Depth + 1);
      }
      R.Blocks = true;
      return R;
    }
    Expr::EvalResult ER;
    if (E->EvaluateAsInt(ER, AC.ast()))
      return R; // an unlisted constant: no reclaim flag
    R.Blocks = true; // a field, a call: not known
    return R;
  }

  // ---- summaries ---------------------------------------------------------

  GfpVal evalSite(const RawSite &S, const FunctionDecl *FD) {
    GfpVal V;
    switch (S.K) {
    case SiteKind::Sleep:
      V.Blocks = true;
      break;
    case SiteKind::Alloc:
      V = gfp(S.Gfp, FD);
      break;
    case SiteKind::Call: {
      const Summary &C = Sums[S.Callee];
      if (C.Yes) {
        V.Blocks = true;
        break;
      }
      for (unsigned P : C.Params) {
        if (P < S.CE->getNumArgs())
          V.join(gfp(S.CE->getArg(P), FD));
        else
          V.Blocks = true;
      }
      break;
    }
    }
    return V;
  }

  /// Functions whose address is taken (called from places not seen here).
  std::set<const FunctionDecl *> AddressTaken;

  class AddressFinder : public RecursiveASTVisitor<AddressFinder> {
  public:
    AddressFinder(Impl &I, std::set<const FunctionDecl *> &Out) : I(I), Out(Out) {}
    bool VisitCallExpr(CallExpr *CE) {
      if (const auto *D = dyn_cast<DeclRefExpr>(CE->getCallee()->IgnoreParenImpCasts()))
        Callees.insert(D);
      return true;
    }
    bool VisitDeclRefExpr(DeclRefExpr *D) {
      if (const auto *F = dyn_cast<FunctionDecl>(D->getDecl()))
        if (!Callees.count(D)) {
          Out.insert(F->getCanonicalDecl());
          ++I.AddressRefs[F->getCanonicalDecl()];
        }
      return true;
    }
    // Fields given a value by an initializer (`{ .pending = true }`): a
    // store the field-flag invariants must count.
    bool VisitInitListExpr(InitListExpr *IL) {
      const InitListExpr *Sem = IL->isSemanticForm() ? IL : IL->getSemanticForm();
      if (!Sem || !Seen.insert(Sem).second)
        return true;
      const RecordDecl *RD = Sem->getType()->getAsRecordDecl();
      if (!RD)
        return true;
      auto note = [&](const FieldDecl *F, const Expr *In) {
        Expr::EvalResult ER;
        if (In && !isa<ImplicitValueInitExpr>(In) &&
            !(!In->isValueDependent() && In->EvaluateAsInt(ER, I.AC.ast()) &&
              ER.Val.getInt() == 0))
          I.InitFields.insert(F);
      };
      if (RD->isUnion()) {
        if (const FieldDecl *F = Sem->getInitializedFieldInUnion())
          if (Sem->getNumInits() >= 1)
            note(F, Sem->getInit(0));
        return true;
      }
      unsigned Idx = 0;
      for (const FieldDecl *F : RD->fields()) {
        if (compat::isUnnamedBitField(F))
          continue;
        if (Idx >= Sem->getNumInits())
          break;
        note(F, Sem->getInit(Idx++));
      }
      return true;
    }

  private:
    Impl &I;
    std::set<const FunctionDecl *> &Out;
    std::set<const DeclRefExpr *> Callees;
    std::set<const InitListExpr *> Seen;
  };
  std::map<const FunctionDecl *, unsigned> AddressRefs;
  std::set<const FieldDecl *> InitFields;

  // ---- sites that sleep for some arguments only --------------------------

  static Tri orTri(Tri A, Tri B) {
    if (A == Tri::True || B == Tri::True)
      return Tri::True;
    return A == Tri::Depends || B == Tri::Depends ? Tri::Depends : Tri::False;
  }

  /// Work left for one question about a site (guards against blow-up in
  /// deep or recursive call graphs: running out answers "may sleep").
  unsigned Budget = 0;

  /// Whether gfp value E of F allows reclaim when reached through Env: a
  /// gfp parameter takes the caller's argument, and a parameter that
  /// chooses the flags (`atomic ? GFP_ATOMIC : GFP_KERNEL`) is evaluated.
  Tri gfpUnder(const Expr *E, const FunctionDecl *F, const EnvNode *Env, int Depth) {
    if (!E || Depth > 16 || !Budget)
      return Tri::True;
    --Budget;
    for (const MacroLevel &M : Macros.covering(E->getBeginLoc(), E->getEndLoc()))
      if (const bool *V = K.find(K.Gfp, M.Name))
        return *V ? Tri::True : Tri::False;
    GfpVal V = gfp(E, F);
    if (V.none())
      return Tri::False;
    const Expr *X = E->IgnoreParenCasts();
    if (const auto *D = dyn_cast<DeclRefExpr>(X))
      if (const auto *L = dyn_cast<VarDecl>(D->getDecl()))
        if (F && !isa<ParmVarDecl>(L) && L->isLocalVarDecl() && !L->isStaticLocal()) {
          FnInfo &FI = info(F);
          if (L->getInit() && !assigned(FI).count(L))
            return gfpUnder(L->getInit(), F, Env, Depth + 1);
          // `if (atomic) flags = GFP_ATOMIC; else flags = GFP_KERNEL;`: any
          // store not ruled out by its conditions may be the value.
          auto St = FI.Stores.find(L);
          if (St != FI.Stores.end() && !FI.Opaque.count(L)) {
            Tri R = L->getInit() ? gfpUnder(L->getInit(), F, Env, Depth + 1) : Tri::False;
            for (const auto &[Val, Gs] : St->second) {
              bool Off = false, Dep = false;
              for (const auto &[C, Holds] : Gs) {
                bool Hit = false;
                if (auto V = evalCond(C, F, Env, Hit))
                  Off |= bool(*V) != Holds;
                else
                  Dep |= Hit;
              }
              if (Off)
                continue;
              Tri T = gfpUnder(Val, F, Env, Depth + 1);
              R = orTri(R, T == Tri::True && Dep ? Tri::Depends : T);
            }
            return R;
          }
        }
    if (const auto *CO = dyn_cast<ConditionalOperator>(X)) {
      if (usesContextTest(CO->getCond()))
        return Tri::False;
      bool Hit = false;
      if (auto C = evalCond(CO->getCond(), F, Env, Hit))
        return gfpUnder(*C ? CO->getTrueExpr() : CO->getFalseExpr(), F, Env, Depth + 1);
      Tri A = gfpUnder(CO->getTrueExpr(), F, Env, Depth + 1);
      Tri B = gfpUnder(CO->getFalseExpr(), F, Env, Depth + 1);
      if (A == B)
        return A;
      return Hit ? Tri::Depends : orTri(A, B);
    }
    if (const auto *B = dyn_cast<BinaryOperator>(X))
      if (B->getOpcode() == BO_Or || B->getOpcode() == BO_Xor || B->getOpcode() == BO_Add)
        return orTri(gfpUnder(B->getLHS(), F, Env, Depth + 1),
                     gfpUnder(B->getRHS(), F, Env, Depth + 1));
    if (V.Blocks)
      return Tri::True;
    Tri R = Tri::False;
    for (unsigned P : V.Params) {
      if (!Env)
        R = orTri(R, Tri::Depends);
      else if (P < Env->CE->getNumArgs())
        R = orTri(R, gfpUnder(Env->CE->getArg(P), Env->Caller, Env->Next, Depth + 1));
      else
        R = Tri::True;
    }
    return R;
  }

  /// Whether site S of F sleeps when F is reached through Env (Env null:
  /// for any caller; Depends: it depends on what the outermost caller's own
  /// callers pass).
  Tri reach(const RawSite &S, const FunctionDecl *F, const EnvNode *Env, int Depth = 0) {
    if (Depth > 10 || !Budget)
      return Tri::True;
    --Budget;
    bool Dep = false;
    for (const auto &[C, Holds] : S.Guards) {
      bool Hit = false;
      if (std::optional<bool> V = truthOf(C, F, Env, Hit)) {
        if (*V != Holds)
          return Tri::False;
      } else if (Hit) {
        Dep = true;
      }
    }
    Tri R = Tri::True;
    if (S.K == SiteKind::Alloc) {
      R = gfpUnder(S.Gfp, F, Env, 0);
    } else if (S.K == SiteKind::Call) {
      const Summary &C = Sums[S.Callee];
      // Around a recursion once: a call already on the way adds nothing
      // its first visit did not (the least fixpoint).
      for (const EnvNode *E = Env; E; E = E->Next)
        if (E->CE == S.CE)
          return Tri::False;
      if (!C.Yes) {
        R = Tri::False;
        EnvNode N{S.CE, F, Env, &S};
        for (const RawSite *W : C.Cond) {
          R = orTri(R, reach(*W, S.Callee, &N, Depth + 1));
          if (R == Tri::True)
            break;
        }
      }
    }
    return R == Tri::True && Dep ? Tri::Depends : R;
  }

  /// Whether some call of FD in this TU (or one not seen here) reaches
  /// site S with arguments that make it sleep. Outer: the calls above FD
  /// tried so far, innermost first.
  bool mayReach(const RawSite &S, const FunctionDecl *FD,
                std::vector<std::pair<const RawSite *, const FunctionDecl *>> &Outer,
                int Depth) {
    std::vector<EnvNode> Nodes(Outer.size());
    for (size_t I = Outer.size(); I-- > 0;)
      Nodes[I] = {Outer[I].first->CE, Outer[I].second,
                  I + 1 < Outer.size() ? &Nodes[I + 1] : nullptr, Outer[I].first};
    Tri T = reach(S, FD, Nodes.empty() ? nullptr : &Nodes[0]);
    if (T != Tri::Depends)
      return T == Tri::True;
    const FunctionDecl *Top = Outer.empty() ? FD : Outer.back().second;
    if (Depth > 6 || Top->isExternallyVisible() ||
        AddressTaken.count(Top->getCanonicalDecl()))
      return true;
    for (auto &[G, Info] : Fns)
      for (const RawSite &C : Info.Sites) {
        if (C.K != SiteKind::Call || C.Callee != Top)
          continue;
        Outer.push_back({&C, G});
        bool R = mayReach(S, FD, Outer, Depth + 1);
        Outer.pop_back();
        if (R)
          return true;
      }
    return false;
  }

  /// Whether site S of FD may sleep on some call of FD.
  bool maySleep(const RawSite &S, const FunctionDecl *FD) {
    Budget = 20000;
    std::vector<std::pair<const RawSite *, const FunctionDecl *>> Outer;
    return mayReach(S, FD, Outer, 0);
  }

  void solve() {
    if (Solved)
      return;
    Solved = true;
    {
      AddressFinder AF(*this, AddressTaken);
      for (const Decl *D : AC.ownDecls())
        AF.TraverseDecl(const_cast<Decl *>(D));
    }
    // Functions reachable from the module's own code.
    std::vector<const FunctionDecl *> Order;
    std::set<const FunctionDecl *> Seen;
    std::vector<const FunctionDecl *> Work;
    for (const Decl *D : AC.ownDecls())
      if (const auto *FD = dyn_cast<FunctionDecl>(D))
        if (FD->doesThisDeclarationHaveABody() && Seen.insert(FD).second)
          Work.push_back(FD);
    while (!Work.empty()) {
      const FunctionDecl *FD = Work.back();
      Work.pop_back();
      Order.push_back(FD);
      for (const RawSite &S : info(FD).Sites)
        if (S.K == SiteKind::Call && Seen.insert(S.Callee).second)
          Work.push_back(S.Callee);
    }
    readyFields();
    // Callees first converges in few rounds; recursion needs the repeat.
    std::reverse(Order.begin(), Order.end());
    for (bool Changed = true; Changed;) {
      Changed = false;
      for (const FunctionDecl *FD : Order) {
        Summary &Sm = Sums[FD];
        if (Sm.Yes)
          continue;
        for (const RawSite &S : Fns[FD].Sites) {
          Budget = 20000;
          Tri T = reach(S, FD, nullptr);
          if (T == Tri::True) {
            Sm.Yes = true;
            Sm.WYes = &S;
            Changed = true;
            break;
          }
          if (T == Tri::False)
            continue;
          GfpVal V = evalSite(S, FD);
          for (unsigned P : V.Params)
            if (Sm.Params.insert(P).second) {
              Changed = true;
              if (!Sm.WGfp)
                Sm.WGfp = &S;
            }
          if (std::find(Sm.Cond.begin(), Sm.Cond.end(), &S) == Sm.Cond.end()) {
            Sm.Cond.push_back(&S);
            Changed = true;
            if (V.Params.empty() || !S.Guards.empty())
              Sm.NonGfpCond = true;
          }
        }
      }
    }
  }

  std::string where(const RawSite &S) const {
    return S.Macro.empty() || S.Macro == S.Name
               ? ""
               : " (in the expansion of '" + S.Macro + "')";
  }

  std::string gfpText(const RawSite &S) const {
    std::string T;
    if (S.Gfp) {
      CharSourceRange CR = SM().getExpansionRange(S.Gfp->getSourceRange());
      if (!S.S->getBeginLoc().isMacroID())
        T = Lexer::getSourceText(CR, SM(), AC.langOpts()).str();
      if (T.empty() || T.size() > 80)
        T = spelled(S.Gfp);
    }
    return T.empty() ? "gfp flags that allow direct reclaim" : "'" + T + "'";
  }

  /// The chain from site S (in function FD) down to the primitive: a note
  /// at each call on the way, in the function that makes it.
  void chain(const RawSite *S, const FunctionDecl *FD,
             std::vector<SleepStep> &Out, std::string &Primitive,
             std::vector<const FunctionDecl *> *Through = nullptr,
             std::vector<const Stmt *> *ThroughAt = nullptr) {
    std::set<const RawSite *> Visited;
    std::deque<EnvNode> Env; // the calls taken so far, for Cond witnesses
    const RawSite *First = S;
    while (S && Visited.insert(S).second && Out.size() < 16) {
      std::string In = "'" + FD->getName().str() + "' calls ";
      if (S->K == SiteKind::Sleep) {
        Primitive = "'" + S->Name + "'";
        std::string W = K.why(S->Name);
        if (S != First)
          Out.push_back({S->S->getBeginLoc(), In + "'" + S->Name + "'" + where(*S) +
                                                  ", which may sleep" +
                                                  (W.empty() ? "" : ": " + W)});
        else if (!W.empty())
          Out.push_back({S->S->getBeginLoc(), "'" + S->Name + "' may sleep: " + W});
        return;
      }
      if (S->K == SiteKind::Alloc) {
        Primitive = "'" + S->Name + "'";
        if (S != First)
          Out.push_back({S->S->getBeginLoc(), In + "'" + S->Name + "' with " +
                                                  gfpText(*S) +
                                                  ", which allows direct reclaim"});
        return;
      }
      if (S != First)
        Out.push_back({S->S->getBeginLoc(),
                       In + "'" + S->Name + "'" + where(*S) + ", which may sleep"});
      const Summary &C = Sums[S->Callee];
      Env.push_back({S->CE, FD, Env.empty() ? nullptr : &Env.back(), S});
      const RawSite *Next = C.Yes ? C.WYes : nullptr;
      for (size_t I = 0; !Next && I < C.Cond.size(); ++I) {
        Budget = 2000;
        if (reach(*C.Cond[I], S->Callee, &Env.back()) != Tri::False)
          Next = C.Cond[I];
      }
      if (!Next)
        Next = C.Cond.empty() ? C.WGfp : C.Cond.front();
      if (!Next)
        return;
      FD = S->Callee;
      if (Through) {
        Through->push_back(FD);
        if (ThroughAt)
          ThroughAt->push_back(Next->S);
      }
      S = Next;
    }
  }

  const std::vector<SleepSite> &sites(const FunctionDecl *FD) {
    FD = bodyOf(FD) ? bodyOf(FD) : FD;
    auto It = Sites.find(FD);
    if (It != Sites.end())
      return It->second;
    solve();
    std::vector<SleepSite> &R = Sites[FD];
    if (!FD->getBody())
      return R;
    for (const RawSite &S : info(FD).Sites) {
      if (!maySleep(S, FD))
        continue;
      SleepSite Out;
      Out.S = S.S;
      Out.Loc = S.S->getBeginLoc();
      Out.What = "'" + S.Name + "'";
      if (S.K == SiteKind::Call) {
        std::string Prim;
        std::vector<SleepStep> Steps;
        chain(&S, FD, Steps, Prim, &Out.Through, &Out.ThroughAt);
        Out.Chain = std::move(Steps);
        Out.What += Prim.empty() ? "" : " (through " + Prim + ")";
      } else {
        std::string Prim;
        chain(&S, FD, Out.Chain, Prim);
        if (S.K == SiteKind::Alloc) {
          Out.What += " with " + gfpText(S);
          // A GFP_ATOMIC fix-it: only for GFP_KERNEL spelled as the whole
          // argument in the module's own text.
          SourceLocation B = S.Gfp->getBeginLoc(), E = S.Gfp->getEndLoc();
          CharSourceRange CR = SM().getExpansionRange(SourceRange(B, E));
          if (B.isMacroID() && AC.isModuleFile(CR.getBegin()) &&
              Lexer::getSourceText(CR, SM(), AC.langOpts()) == "GFP_KERNEL")
            Out.GfpKernelSpelling = CR.getAsRange();
        }
      }
      R.push_back(std::move(Out));
    }
    return R;
  }

  // ---- regions -----------------------------------------------------------

  /// The region and count events of each statement of FD.
  std::map<const Stmt *, std::vector<Event>> events(const CFG &Cfg) {
    std::map<const Stmt *, std::vector<Event>> R;
    std::set<FileID> SeenMacro;
    // Reverse post-order, so a macro's event lands on its first statement.
    std::vector<const CFGBlock *> RPO;
    {
      std::set<const CFGBlock *> Vis;
      std::vector<std::pair<const CFGBlock *, unsigned>> St{{&Cfg.getEntry(), 0}};
      Vis.insert(&Cfg.getEntry());
      std::vector<const CFGBlock *> Post;
      while (!St.empty()) {
        auto &[B, I] = St.back();
        if (I < B->succ_size()) {
          const CFGBlock *N = *(B->succ_begin() + I);
          ++I;
          if (N && Vis.insert(N).second)
            St.push_back({N, 0});
        } else {
          Post.push_back(B);
          St.pop_back();
        }
      }
      RPO.assign(Post.rbegin(), Post.rend());
    }
    for (const CFGBlock *B : RPO)
      for (const CFGElement &El : *B) {
        auto CS = El.getAs<CFGStmt>();
        if (!CS)
          continue;
        const Stmt *S = CS->getStmt();
        const auto *CE = dyn_cast<CallExpr>(S);
        const FunctionDecl *Callee = CE ? CE->getDirectCallee() : nullptr;
        if (Callee && Callee->getIdentifier()) {
          std::string N = Callee->getName().str();
          if (const RegionEntry *RE = K.find(K.Regions, N)) {
            if (!RE->Trylock)
              R[S].push_back({Event::Begin, RE, visibleName(CE, N), lockKey(CE)});
            continue;
          }
          if (K.Ends.count(N) || K.Ends.count(AC.kb().canonical(N))) {
            R[S].push_back({Event::End, nullptr, N, lockKey(CE)});
            continue;
          }
          if (CE->getNumArgs() >= 1 && isThisModule(CE->getArg(0), AC.ast())) {
            if (K.CountGetters.count(N))
              R[S].push_back({Event::CountGet, nullptr, N, ""});
            else if (K.CountPutters.count(N))
              R[S].push_back({Event::CountPut, nullptr, N, ""});
          }
        }
        if (!S->getBeginLoc().isMacroID())
          continue;
        const std::vector<MacroLevel> &Ms = Macros.of(S->getBeginLoc());
        for (auto It = Ms.rbegin(); It != Ms.rend(); ++It) {
          const RegionEntry *RE = K.find(K.Regions, It->Name);
          bool End = K.Ends.count(It->Name);
          if (!RE && !End)
            continue;
          if (SeenMacro.insert(It->Exp).second) {
            if (RE && !RE->Trylock)
              R[S].push_back({Event::Begin, RE, It->Name, ""});
            else if (End)
              R[S].push_back({Event::End, nullptr, It->Name, ""});
          }
          break;
        }
      }
    return R;
  }

  void apply(const Event &E, const Stmt *S, FactState &St) {
    switch (E.T) {
    case Event::Begin: {
      // Taking a lock of the kind the function released gives the caller's
      // lock back (mailbox commands: unlock, wait, lock again).
      std::string Marker = "released:" + E.E->Kind;
      for (auto It = St.rbegin(); It != St.rend(); ++It)
        if (!It->E && It->Key == Marker) {
          St.erase(std::next(It).base());
          break;
        }
      Fact F{E.E, E.Key, S, E.Name, S->getBeginLoc()};
      if (std::find(St.begin(), St.end(), F) == St.end())
        St.push_back(F);
      break;
    }
    case Event::End: {
      // The same lock first, whatever form of unlock (evdev swaps two
      // locks between spin_lock_irq and spin_unlock_irq; wait_event_lock_irq
      // unlocks a spin_lock_irqsave'd lock with spin_unlock_irq), then the
      // latest region this end can close.
      auto Match = [&](bool SameKey) {
        for (auto It = St.rbegin(); It != St.rend(); ++It) {
          if (!It->E)
            continue;
          bool Ok = SameKey ? (!E.Key.empty() && It->Key == E.Key)
                            : (It->E->Ends.count(E.Name) ||
                               It->E->Ends.count(AC.kb().canonical(E.Name)));
          if (Ok) {
            St.erase(std::next(It).base());
            return true;
          }
        }
        return false;
      };
      if (!Match(true) && !Match(false)) {
        // A region the caller holds is released here, until a begin of
        // the same kind takes it back.
        if (const auto *Kinds = K.find(K.EndKinds, E.Name))
          for (const std::string &Kind : *Kinds)
            St.push_back(Fact{nullptr, "released:" + Kind, S, E.Name,
                              S->getBeginLoc()});
      }
      break;
    }
    case Event::CountGet: {
      Fact F{nullptr, "THIS_MODULE", S, E.Name, S->getBeginLoc()};
      if (std::find(St.begin(), St.end(), F) == St.end())
        St.push_back(F);
      break;
    }
    case Event::CountPut:
      St.erase(std::remove_if(St.begin(), St.end(),
                              [](const Fact &F) { return !F.E; }),
               St.end());
      break;
    }
  }

  static FactState meet(const FactState &A, const FactState &B) {
    FactState R;
    for (const Fact &F : A)
      if (std::find(B.begin(), B.end(), F) != B.end())
        R.push_back(F);
    return R;
  }

  /// A fact the branch of B adds on its Idx-th successor: a trylock or a
  /// try_module_get(THIS_MODULE) that succeeded.
  std::optional<Fact> branchFact(const CFGBlock *B, unsigned Idx) {
    if (!B->getTerminatorStmt() || B->succ_size() != 2)
      return std::nullopt;
    const Expr *C = dyn_cast_or_null<Expr>(
        const_cast<CFGBlock *>(B)->getTerminatorCondition(false));
    bool Neg = false;
    C = ignoreExpect(C, Neg);
    const auto *CE = dyn_cast_or_null<CallExpr>(C);
    const FunctionDecl *Callee = CE ? CE->getDirectCallee() : nullptr;
    if (!Callee || !Callee->getIdentifier())
      return std::nullopt;
    unsigned Success = Neg ? 1 : 0;
    if (Idx != Success)
      return std::nullopt;
    std::string N = Callee->getName().str();
    if (const RegionEntry *RE = K.find(K.Regions, N))
      if (RE->Trylock)
        return Fact{RE, lockKey(CE), CE, visibleName(CE, N), CE->getBeginLoc()};
    if (K.CountTryGetters.count(N) && CE->getNumArgs() >= 1 &&
        isThisModule(CE->getArg(0), AC.ast()))
      return Fact{nullptr, "THIS_MODULE", CE, N, CE->getBeginLoc()};
    return std::nullopt;
  }

  RegionResult &regions(const FunctionDecl *FD) {
    RegionResult &RR = Regions[FD];
    if (RR.Done)
      return RR;
    RR.Done = true;
    if (sites(FD).empty() && !info(FD).HasRegion)
      return RR;
    CFG::BuildOptions BO;
    BO.setAllAlwaysAdd();
    BO.PruneTriviallyFalseEdges = true;
    std::unique_ptr<CFG> Cfg =
        CFG::buildCFG(FD, const_cast<Stmt *>(FD->getBody()), &AC.ast(), BO);
    if (!Cfg)
      return RR;
    std::map<const Stmt *, std::vector<Event>> Ev = events(*Cfg);
    std::map<const CFGBlock *, FactState> In, Out;
    std::set<const CFGBlock *> Done;
    In[&Cfg->getEntry()] = {};
    std::vector<const CFGBlock *> Work{&Cfg->getEntry()};
    std::set<const CFGBlock *> Queued{&Cfg->getEntry()};
    unsigned Steps = 0;
    auto transfer = [&](const CFGBlock *B, FactState St, bool Record) {
      for (const CFGElement &El : *B) {
        auto CS = El.getAs<CFGStmt>();
        if (!CS)
          continue;
        const Stmt *S = CS->getStmt();
        if (Record) {
          auto It = RR.At.find(S);
          if (It == RR.At.end())
            RR.At[S] = St;
          else
            It->second = meet(It->second, St);
        }
        auto E = Ev.find(S);
        if (E != Ev.end())
          for (const Event &X : E->second)
            apply(X, S, St);
      }
      return St;
    };
    while (!Work.empty() && ++Steps < 50000) {
      const CFGBlock *B = Work.back();
      Work.pop_back();
      Queued.erase(B);
      FactState O = transfer(B, In[B], false);
      auto OIt = Out.find(B);
      if (OIt != Out.end() && OIt->second == O && Done.count(B))
        continue;
      Out[B] = O;
      Done.insert(B);
      unsigned Idx = 0;
      for (const CFGBlock::AdjacentBlock &Succ : B->succs()) {
        const CFGBlock *N = Succ.getReachableBlock();
        unsigned I = Idx++;
        if (!N)
          continue;
        FactState E = O;
        if (std::optional<Fact> F = branchFact(B, I))
          if (std::find(E.begin(), E.end(), *F) == E.end())
            E.push_back(*F);
        auto IIt = In.find(N);
        FactState NewIn = IIt == In.end() ? E : meet(IIt->second, E);
        if (IIt == In.end() || !(IIt->second == NewIn) || !Done.count(N)) {
          In[N] = NewIn;
          if (Queued.insert(N).second)
            Work.insert(Work.begin(), N);
        }
      }
    }
    for (const CFGBlock *B : *Cfg)
      if (B && Done.count(B))
        transfer(B, In[B], true);
    return RR;
  }

  /// guard()/scoped_guard() variables whose constructor begins a region,
  /// with the end of their scope.
  std::vector<std::tuple<const VarDecl *, const RegionEntry *, SourceLocation>>
  guards(const FunctionDecl *FD) {
    std::vector<std::tuple<const VarDecl *, const RegionEntry *, SourceLocation>> R;
    for (const VarDecl *V : info(FD).Guards) {
      const auto *CE = dyn_cast<CallExpr>(V->getInit()->IgnoreParenImpCasts());
      const FunctionDecl *Ctor = CE ? bodyOf(CE->getDirectCallee()) : nullptr;
      if (!Ctor)
        continue;
      const RegionEntry *RE = nullptr;
      std::function<void(const Stmt *)> Find = [&](const Stmt *S) {
        if (!S || RE)
          return;
        if (const auto *C = dyn_cast<CallExpr>(S))
          if (const FunctionDecl *F = C->getDirectCallee())
            if (F->getIdentifier())
              if (const RegionEntry *E = K.find(K.Regions, F->getName().str()))
                if (!E->Trylock)
                  RE = E;
        for (const Stmt *Ch : S->children())
          Find(Ch);
      };
      Find(Ctor->getBody());
      if (!RE)
        continue;
      // The scope: the compound statement or for statement declaring V
      // (found in the body, not through clang's parent map, which would be
      // built for the whole translation unit).
      SourceLocation End;
      std::function<void(const Stmt *)> Scope = [&](const Stmt *S) {
        if (!S || End.isValid())
          return;
        auto Declares = [&](const Stmt *C) {
          if (const auto *DS = dyn_cast_or_null<DeclStmt>(C))
            for (const Decl *D : DS->decls())
              if (D == V)
                return true;
          return false;
        };
        if (const auto *CS = dyn_cast<CompoundStmt>(S)) {
          for (const Stmt *C : CS->body())
            if (Declares(C)) {
              End = CS->getEndLoc();
              return;
            }
        } else if (const auto *For = dyn_cast<ForStmt>(S)) {
          if (Declares(For->getInit())) {
            End = For->getEndLoc();
            return;
          }
        }
        for (const Stmt *C : S->children())
          Scope(C);
      };
      Scope(FD->getBody());
      if (End.isValid())
        R.emplace_back(V, RE, End);
    }
    return R;
  }

  /// Facts before S: S itself if it is an element of the CFG, else its first
  /// sub-statement that is (a macro's do-while, a statement expression).
  static const FactState *stateAt(const RegionResult &RR, const Stmt *S) {
    if (!S)
      return nullptr;
    auto It = RR.At.find(S);
    if (It != RR.At.end())
      return &It->second;
    for (const Stmt *C : S->children())
      if (const FactState *F = stateAt(RR, C))
        return F;
    return nullptr;
  }

  /// True if the functions on the way from S down to the primitive have
  /// released, at the calls the chain goes through, as many regions of
  /// Kind as the caller holds (drbd's "give up the spinlock, grab the mutex";
  /// qla1280's mailbox command: unlock, wait, lock again). A chain that
  /// goes on while the lock is held again (BusLogic) is still reported.
  bool dropsOnTheWay(const SleepSite &S, const std::string &Kind, unsigned Held) {
    unsigned Released = 0;
    std::string Marker = "released:" + Kind;
    for (size_t I = 0; I < S.Through.size() && I < S.ThroughAt.size(); ++I) {
      const FunctionDecl *G = S.Through[I];
      if (!info(G).HasRegion)
        continue;
      if (const FactState *St = stateAt(regions(G), S.ThroughAt[I]))
        for (const Fact &F : *St)
          Released += !F.E && F.Key == Marker;
    }
    return Released >= Held && Held > 0;
  }

  std::vector<std::pair<const SleepSite *, HeldRegion>>
  sitesInAtomic(const FunctionDecl *FD) {
    std::vector<std::pair<const SleepSite *, HeldRegion>> R;
    FD = bodyOf(FD);
    if (!FD)
      return R;
    const std::vector<SleepSite> &Ss = sites(FD);
    FnInfo &Info = info(FD);
    if (Ss.empty() || (!Info.HasRegion && Info.Guards.empty()))
      return R;
    RegionResult *RR = Info.HasRegion ? &regions(FD) : nullptr;
    auto Gs = guards(FD);
    for (const SleepSite &S : Ss) {
      std::optional<HeldRegion> H;
      if (RR) {
        if (const FactState *St = stateAt(*RR, S.S))
          for (auto F = St->rbegin(); F != St->rend(); ++F)
            if (F->E) {
              unsigned Held = 0;
              for (const Fact &G : *St)
                Held += G.E && G.E->Kind == F->E->Kind;
              if (!dropsOnTheWay(S, F->E->Kind, Held))
                H = HeldRegion{F->E->Kind, F->BeginName, F->Loc};
              break;
            }
      }
      if (!H) {
        SourceLocation L = SM().getExpansionLoc(S.S->getBeginLoc());
        for (auto &[V, RE, End] : Gs) {
          SourceLocation B = SM().getExpansionLoc(V->getEndLoc());
          SourceLocation E = SM().getExpansionLoc(End);
          if (SM().isBeforeInTranslationUnit(B, L) &&
              SM().isBeforeInTranslationUnit(L, E)) {
            std::string Cls = V->getType().getAsString();
            if (Cls.rfind("class_", 0) == 0)
              Cls = Cls.substr(6);
            if (Cls.size() > 2 && Cls.substr(Cls.size() - 2) == "_t")
              Cls.resize(Cls.size() - 2);
            H = HeldRegion{RE->Kind, "guard(" + Cls + ")", V->getBeginLoc()};
          }
        }
      }
      if (H)
        R.push_back({&S, *H});
    }
    return R;
  }

  std::vector<const SleepSite *> sitesWithoutCount(const FunctionDecl *FD) {
    std::vector<const SleepSite *> R;
    FD = bodyOf(FD);
    if (!FD)
      return R;
    const std::vector<SleepSite> &Ss = sites(FD);
    FnInfo &Info = info(FD);
    RegionResult *RR = Info.HasCount ? &regions(FD) : nullptr;
    for (const SleepSite &S : Ss) {
      bool Counted = false;
      if (RR) {
        if (const FactState *St = stateAt(*RR, S.S)) {
          for (const Fact &F : *St)
            Counted |= !F.E && F.Key == "THIS_MODULE";
        } else {
          Counted = true; // never reached
        }
      }
      if (!Counted)
        R.push_back(&S);
    }
    return R;
  }

  // ---- callbacks ---------------------------------------------------------

  class CallbackFinder : public RecursiveASTVisitor<CallbackFinder> {
  public:
    CallbackFinder(Impl &I, std::vector<CallbackUse> &Out) : I(I), Out(Out) {}
    bool shouldVisitImplicitCode() const { return false; }

    bool TraverseFunctionDecl(FunctionDecl *D) {
      const FunctionDecl *Saved = Cur;
      Cur = D;
      bool R = RecursiveASTVisitor<CallbackFinder>::TraverseFunctionDecl(D);
      Cur = Saved;
      return R;
    }

    void add(const FunctionDecl *F, const CallbackEntry &E, SourceLocation Where,
             const std::string &Via, const CallExpr *Reg = nullptr) {
      const FunctionDecl *Decl = F;
      F = bodyOf(F);
      if (!F) {
        // Defined in another file of the module, perhaps: the whole-module
        // step looks it up there.
        if (Decl && Decl->getIdentifier() && !Decl->getBuiltinID() &&
            Seen.insert({Decl, Via, Where.getRawEncoding()}).second)
          I.ExternalCbs.push_back({Decl, E.Context, E.Counted, Where, Via});
        return;
      }
      if (!I.AC.isModuleFunction(F))
        return;
      if (!Seen.insert({F, Via, Where.getRawEncoding()}).second)
        return;
      Out.push_back({F, E.Context, E.Counted, Where, Via});
      if (Reg && Cur && bodyOf(Cur))
        I.RegCalls[F].push_back({Reg, bodyOf(Cur)});
      else
        I.OtherCbUse.insert(F);
    }

    bool VisitCallExpr(CallExpr *CE) {
      const FunctionDecl *Callee = CE->getDirectCallee();
      if (!Callee || !Callee->getIdentifier())
        return true;
      std::string N = Callee->getName().str();
      const CallbackEntry *E = I.K.find(I.K.CbFunctions, N);
      if (!E)
        return true;
      std::vector<unsigned> Args;
      if (E->Arg >= 0)
        Args.push_back(unsigned(E->Arg));
      else
        for (unsigned A = 0; A < CE->getNumArgs(); ++A)
          Args.push_back(A);
      for (unsigned A : Args)
        if (A < CE->getNumArgs())
          add(referencedFunction(CE->getArg(A)), *E, CE->getBeginLoc(),
              I.visibleName(CE, N), CE);
      return true;
    }

    bool VisitDeclRefExpr(DeclRefExpr *D) {
      const auto *F = dyn_cast<FunctionDecl>(D->getDecl());
      if (!F || I.K.CbMacros.empty() || !D->getBeginLoc().isMacroID())
        return true;
      // A function named in the arguments of a publishing macro
      // (rcu_assign_pointer(hook, fn)).
      SourceLocation L = D->getBeginLoc();
      const SourceManager &SM = I.SM();
      while (L.isMacroID()) {
        std::string N =
            Lexer::getImmediateMacroName(L, SM, I.AC.langOpts()).str();
        if (const CallbackEntry *E = I.K.find(I.K.CbMacros, N)) {
          add(F, *E, SM.getExpansionLoc(L), N);
          break;
        }
        L = SM.getImmediateMacroCallerLoc(L);
      }
      return true;
    }

    void field(const FieldDecl *FDl, const Expr *Value, SourceLocation Where) {
      if (!FDl)
        return;
      // Members of anonymous unions and structs are named as if direct
      // (tasklet_struct's union of .func and .callback).
      const RecordDecl *RD = FDl->getParent();
      while (RD && RD->isAnonymousStructOrUnion())
        RD = dyn_cast<RecordDecl>(RD->getParent());
      if (!RD)
        return;
      std::string S = recordName(AC().ast().getRecordType(RD));
      const CallbackEntry *E =
          I.K.find(I.K.CbFields, S + "." + FDl->getName().str());
      if (!E)
        return;
      add(referencedFunction(Value), *E, Where, S + "." + FDl->getName().str());
    }

    bool VisitBinaryOperator(BinaryOperator *B) {
      if (B->getOpcode() != BO_Assign)
        return true;
      if (const auto *M = dyn_cast<MemberExpr>(B->getLHS()->IgnoreParenImpCasts()))
        field(dyn_cast<FieldDecl>(M->getMemberDecl()), B->getRHS(), B->getBeginLoc());
      return true;
    }

    bool VisitInitListExpr(InitListExpr *IL) {
      initList(IL->isSemanticForm() ? IL : IL->getSemanticForm());
      return true;
    }

    /// A static or compound-literal initializer, nested ones included (the
    /// visitor sees only the syntactic form, where `.func = f` of an
    /// anonymous union is a designator, not a nested list).
    void initList(const InitListExpr *Sem) {
      if (!Sem || !SeenInit.insert(Sem).second)
        return;
      const RecordDecl *RD = Sem->getType()->getAsRecordDecl();
      if (!RD)
        return;
      if (RD->isUnion()) {
        if (const FieldDecl *F = Sem->getInitializedFieldInUnion())
          if (Sem->getNumInits() >= 1 && Sem->getInit(0)) {
            field(F, Sem->getInit(0), Sem->getInit(0)->getBeginLoc());
            initList(dyn_cast<InitListExpr>(Sem->getInit(0)->IgnoreParenImpCasts()));
          }
        return;
      }
      unsigned Idx = 0;
      for (const FieldDecl *F : RD->fields()) {
        if (compat::isUnnamedBitField(F))
          continue;
        if (Idx >= Sem->getNumInits())
          break;
        const Expr *In = Sem->getInit(Idx++);
        if (!In)
          continue;
        field(F, In, In->getBeginLoc());
        initList(dyn_cast<InitListExpr>(In->IgnoreParenImpCasts()));
      }
    }

    AnalysisContext &AC() { return I.AC; }

  private:
    Impl &I;
    std::vector<CallbackUse> &Out;
    std::set<std::tuple<const FunctionDecl *, std::string, unsigned>> Seen;
    std::set<const InitListExpr *> SeenInit;
    const FunctionDecl *Cur = nullptr;
  };

  const std::vector<CallbackUse> &callbacks() {
    if (Callbacks)
      return *Callbacks;
    Callbacks = std::make_unique<std::vector<CallbackUse>>();
    CallbackFinder F(*this, *Callbacks);
    for (const Decl *D : AC.ownDecls())
      F.TraverseDecl(const_cast<Decl *>(D));
    return *Callbacks;
  }

  // ---- facts -------------------------------------------------------------

  nlohmann::json linkFacts();

  nlohmann::json facts() {
    solve();
    nlohmann::json Fs = nlohmann::json::array();
    auto loc = [&](SourceLocation L) {
      PresumedLoc P = SM().getPresumedLoc(SM().getFileLoc(L));
      if (P.isInvalid())
        return nlohmann::json{{"file", ""}, {"line", 0}, {"column", 0}};
      return nlohmann::json{{"file", P.getFilename()}, {"line", P.getLine()},
                            {"column", P.getColumn()}};
    };
    for (const Decl *D : AC.ownDecls()) {
      const auto *FD = dyn_cast<FunctionDecl>(D);
      if (!FD || !FD->doesThisDeclarationHaveABody() || !FD->getIdentifier() ||
          FD->getStorageClass() == SC_Static || FD->isInlineSpecified())
        continue;
      const Summary &S = Sums[FD];
      nlohmann::json J = loc(FD->getLocation());
      J["name"] = FD->getName().str();
      // Sleeping that depends on a flag argument is "yes" to callers the
      // whole-module step cannot evaluate; gfp parameters it can.
      J["may_sleep"] = S.Yes || S.NonGfpCond ? "yes"
                       : S.Params.empty()    ? "no"
                                             : "if_gfp_allows_reclaim";
      nlohmann::json Ps = nlohmann::json::array();
      for (unsigned P : S.Params)
        Ps.push_back(P);
      J["gfp_params"] = Ps;
      nlohmann::json Ch = nlohmann::json::array();
      const RawSite *W = S.Yes ? S.WYes : S.Cond.empty() ? S.WGfp : S.Cond.front();
      if (W) {
        std::vector<SleepStep> Steps;
        std::string Prim;
        Steps.push_back({W->S->getBeginLoc(),
                         "'" + FD->getName().str() + "' calls '" + W->Name + "'"});
        chain(W, FD, Steps, Prim);
        for (const SleepStep &St : Steps) {
          nlohmann::json X = loc(St.Loc);
          X["message"] = St.Message;
          Ch.push_back(X);
        }
      }
      J["chain"] = Ch;
      // Region kinds every sleeping site of FD is reached with a caller's
      // region of that kind released (drbd's _conn_request_state(): unlock
      // the caller's lock, sleep, lock again): the whole-module step does
      // not report a caller holding only such a region.
      nlohmann::json Rel = nlohmann::json::array();
      if (S.Yes || S.NonGfpCond || !S.Params.empty()) {
        std::set<std::string> Kinds;
        for (const auto &[N, E] : K.Regions)
          Kinds.insert(E.Kind);
        // The witness the chain shows, as the plugin judges a caller in
        // the same file by it; all sites when it is not among them.
        std::vector<const SleepSite *> Ss;
        for (const SleepSite &Site : sites(FD))
          if (W && Site.S == W->S)
            Ss.push_back(&Site);
        if (Ss.empty())
          for (const SleepSite &Site : sites(FD))
            Ss.push_back(&Site);
        for (const std::string &Kd : Kinds) {
          bool All = !Ss.empty();
          for (const SleepSite *Site : Ss) {
            // FD itself first (a caller's site would go through it), then
            // the functions below it on the chain.
            bool Released = false;
            if (info(FD).HasRegion)
              if (const FactState *St = stateAt(regions(FD), Site->S))
                for (const Fact &F : *St)
                  Released |= !F.E && F.Key == "released:" + Kd;
            All = All && (Released || dropsOnTheWay(*Site, Kd, 1));
          }
          if (All)
            Rel.push_back(Kd);
        }
      }
      J["releases_before_sleep"] = Rel;
      // Calls to functions this TU does not define: the whole-module step
      // joins them with the summaries of the module's other files.
      nlohmann::json Calls = nlohmann::json::array();
      std::set<std::string> Names;
      std::function<void(const Stmt *)> Walk = [&](const Stmt *St) {
        if (!St)
          return;
        if (const auto *CE = dyn_cast<CallExpr>(St))
          if (const FunctionDecl *C = CE->getDirectCallee())
            if (C->getIdentifier() && !bodyOf(C) && !C->getBuiltinID()) {
              std::string N = C->getName().str();
              if (!K.sleeps(N) && !K.find(K.Allocators, N) &&
                  !K.Regions.count(N) && !K.Ends.count(N) && Names.insert(N).second) {
                nlohmann::json X = loc(CE->getBeginLoc());
                X["callee"] = N;
                Calls.push_back(X);
              }
            }
        for (const Stmt *Ch : St->children())
          Walk(Ch);
      };
      Walk(FD->getBody());
      J["external_calls"] = Calls;
      Fs.push_back(J);
    }
    return Fs;
  }
};

nlohmann::json SleepAnalysis::Impl::linkFacts() {
  solve();
  callbacks();
  auto loc = [&](SourceLocation L) {
    PresumedLoc P = SM().getPresumedLoc(SM().getFileLoc(L));
    if (P.isInvalid())
      return nlohmann::json{{"file", ""}, {"line", 0}, {"column", 0}};
    return nlohmann::json{{"file", P.getFilename()}, {"line", P.getLine()},
                          {"column", P.getColumn()}};
  };
  // A call the whole-module step can follow: to a named function this TU
  // does not define and the knowledge base does not describe.
  auto external = [&](const Stmt *St) -> const FunctionDecl * {
    const auto *CE = dyn_cast<CallExpr>(St);
    const FunctionDecl *C = CE ? CE->getDirectCallee() : nullptr;
    if (!C || !C->getIdentifier() || bodyOf(C) || C->getBuiltinID())
      return nullptr;
    std::string N = C->getName().str();
    if (K.sleeps(N) || K.find(K.Allocators, N) || K.Regions.count(N) || K.Ends.count(N))
      return nullptr;
    return C;
  };
  std::function<void(const Stmt *, const std::function<void(const CallExpr *)> &)> Walk =
      [&](const Stmt *St, const std::function<void(const CallExpr *)> &On) {
        if (!St)
          return;
        if (const auto *CE = dyn_cast<CallExpr>(St))
          On(CE);
        for (const Stmt *Ch : St->children())
          Walk(Ch, On);
      };

  nlohmann::json Atomic = nlohmann::json::array();
  for (const Decl *D : AC.ownDecls()) {
    const auto *FD = dyn_cast<FunctionDecl>(D);
    if (!FD || !FD->doesThisDeclarationHaveABody() || !info(FD).HasRegion)
      continue;
    RegionResult &RR = regions(FD);
    Walk(FD->getBody(), [&](const CallExpr *CE) {
      const FunctionDecl *C = external(CE);
      const FactState *St = C ? stateAt(RR, CE) : nullptr;
      if (!St)
        return;
      for (auto F = St->rbegin(); F != St->rend(); ++F)
        if (F->E) {
          nlohmann::json J = loc(CE->getBeginLoc());
          J["callee"] = C->getName().str();
          J["in"] = FD->getName().str();
          nlohmann::json R = loc(F->Loc);
          R["kind"] = F->E->Kind;
          R["begin"] = F->BeginName;
          J["region"] = R;
          Atomic.push_back(J);
          break;
        }
    });
  }

  nlohmann::json CbCalls = nlohmann::json::array();
  std::set<std::pair<const FunctionDecl *, const CallExpr *>> SeenCb;
  for (const CallbackUse &U : *Callbacks) {
    if (U.Context == "process")
      continue;
    // Through this TU's own functions, depth-first, each function once.
    std::vector<std::pair<const FunctionDecl *, const CallExpr *>> Path;
    std::set<const FunctionDecl *> OnPath;
    std::function<void(const FunctionDecl *)> Visit = [&](const FunctionDecl *FD) {
      if (!FD || !FD->hasBody() || Path.size() > 6 || !OnPath.insert(FD).second)
        return;
      Walk(FD->getBody(), [&](const CallExpr *CE) {
        if (const FunctionDecl *C = external(CE)) {
          if (!SeenCb.insert({U.FD, CE}).second)
            return;
          nlohmann::json J = loc(CE->getBeginLoc());
          J["callee"] = C->getName().str();
          J["callback"] = U.FD->getName().str();
          J["context"] = U.Context;
          J["via"] = U.Via;
          J["where"] = loc(U.Where);
          nlohmann::json Through = nlohmann::json::array();
          for (const auto &[F, At] : Path) {
            nlohmann::json X = loc(At->getBeginLoc());
            X["message"] = "'" + F->getName().str() + "' calls '" +
                           At->getDirectCallee()->getName().str() + "'";
            Through.push_back(X);
          }
          J["through"] = Through;
          CbCalls.push_back(J);
          return;
        }
        if (const FunctionDecl *Local = bodyOf(CE->getDirectCallee()))
          if (AC.isModuleFunction(Local)) {
            Path.push_back({FD, CE});
            Visit(Local);
            Path.pop_back();
          }
      });
      OnPath.erase(FD);
    };
    Visit(U.FD);
  }

  nlohmann::json Ext = nlohmann::json::array();
  for (const CallbackUse &U : ExternalCbs) {
    nlohmann::json J = loc(U.Where);
    J["name"] = U.FD->getName().str();
    J["context"] = U.Context;
    J["counted"] = U.Counted;
    J["via"] = U.Via;
    Ext.push_back(J);
  }
  return {{"atomic_calls", Atomic}, {"callback_calls", CbCalls}, {"external_callbacks", Ext}};
}

SleepAnalysis::SleepAnalysis(AnalysisContext &AC) : P(std::make_unique<Impl>(AC)) {}
SleepAnalysis::~SleepAnalysis() = default;

const std::vector<SleepSite> &SleepAnalysis::sites(const FunctionDecl *FD) {
  return P->sites(FD);
}
std::vector<std::pair<const SleepSite *, HeldRegion>>
SleepAnalysis::sitesInAtomic(const FunctionDecl *FD) {
  return P->sitesInAtomic(FD);
}
std::vector<const SleepSite *>
SleepAnalysis::sitesWithoutCount(const FunctionDecl *FD) {
  return P->sitesWithoutCount(FD);
}
const std::vector<CallbackUse> &SleepAnalysis::callbacks() {
  return P->callbacks();
}
nlohmann::json SleepAnalysis::facts() { return P->facts(); }
nlohmann::json SleepAnalysis::linkFacts() { return P->linkFacts(); }

} // namespace modsafe

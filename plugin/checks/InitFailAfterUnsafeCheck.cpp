// init-fail-after-unsafe (Rusty Russell's Rule #2, the init-ordering rule):
// a module's init that returns failure after an unsafe registration
// succeeded. The module loader frees a module whose init fails; an unsafe
// interface (no owner, no synchronous unregister: see UnsafeInterfaces.h)
// may already have called into it, or be about to, and unregistering before
// the failing return does not help — the interface cannot tell when its
// callers are gone. The fix is to do the unsafe registration last, when
// nothing can fail any more.
//
// Path-sensitive over the CFG of the module's init: a registration (or a
// call of a helper of this TU that makes one) counts as succeeded on the
// success branch of its tested result (`ret = reg(); if (ret)`, `if (reg())`,
// `if (ret < 0)`, `if (!p)`, `IS_ERR(p)`: 0 for an int, non-NULL/true for a
// pointer or bool) and right after it when its result is not tested (a void
// call, a store). A failure return returns a negative constant, or a value
// not known to be 0 on that path. Reported at the return, with a note at
// each registration; only for code compiled as a module.
#include "../Analysis.h"
#include "../KernelExpr.h"

#include "clang/Basic/Builtins.h"
#include "clang/Analysis/CFG.h"

#include <map>
#include <set>

using namespace clang;

namespace modsafe {
namespace {

enum Val { Zero = 1, NonZero = 2 };

struct State {
  std::set<unsigned> Done;                 // registration points that succeeded
  std::map<const VarDecl *, unsigned> Pending; // var holds a point's untested result
  std::map<const VarDecl *, int> Vals;      // known int values
  bool operator<(const State &O) const {
    return std::tie(Done, Pending, Vals) < std::tie(O.Done, O.Pending, O.Vals);
  }
};

/// A place in init where an unsafe registration is made.
struct Point {
  const Stmt *S;
  SourceLocation Loc;
  const UnsafeRegistration *Reg;
  bool Helper; // a call of a helper that registers
  bool IntResult;
  enum Use { Untested, Assigned, Condition } U = Untested;
};

class InitFailAfterUnsafeCheck : public Check {
public:
  InitFailAfterUnsafeCheck() : Check("init-fail-after-unsafe") {}

  void run(AnalysisContext &AC) override {
    const ModuleModel &M = AC.module();
    if (!M.IsModule || !M.Init || !M.Init->hasBody())
      return;
    UnsafeInterfaces &UI = AC.unsafeRegistrations();
    if (UI.registrations().empty())
      return;
    Init = M.Init;
    this->AC = &AC;
    Points.clear();
    PointOf.clear();
    collectPoints(UI, Init->getBody());
    if (Points.empty())
      return;
    analyze();
  }

private:
  AnalysisContext *AC = nullptr;
  const FunctionDecl *Init = nullptr;
  std::vector<Point> Points;
  std::map<const Stmt *, unsigned> PointOf;
  std::map<const Stmt *, const Stmt *> Parent;
  std::set<const Expr *> CondRoots;

  void collectPoints(UnsafeInterfaces &UI, const Stmt *S) {
    if (!S)
      return;
    const UnsafeRegistration *R = UI.at(S);
    bool Helper = false;
    if (R && R->In != Init)
      R = nullptr;
    if (!R)
      if (const auto *C = dyn_cast<CallExpr>(S))
        if (const FunctionDecl *Callee = C->getDirectCallee())
          if (definitionOf(Callee) && definitionOf(Callee) != Init &&
              AC->isModuleFunction(Callee)) {
            R = UI.registersThrough(Callee);
            Helper = R != nullptr;
          }
    if (R) {
      Point P{S, AC->sm().getFileLoc(S->getBeginLoc()), R, Helper, true};
      if (const auto *C = dyn_cast<CallExpr>(S))
        P.IntResult = C->getType()->isIntegerType() && !C->getType()->isBooleanType();
      PointOf[S] = unsigned(Points.size());
      Points.push_back(P);
    }
    for (const Stmt *Child : S->children()) {
      if (Child)
        Parent[Child] = S;
      collectPoints(UI, Child);
    }
  }

  static const Expr *decisive(const Expr *C) {
    while (C) {
      C = C->IgnoreParenImpCasts();
      const auto *B = dyn_cast<BinaryOperator>(C);
      if (B && (B->getOpcode() == BO_LAnd || B->getOpcode() == BO_LOr))
        C = B->getRHS();
      else
        return C;
    }
    return C;
  }

  bool isZeroConst(const Expr *E) const {
    if (!E)
      return false;
    if (E->isNullPointerConstant(AC->ast(), Expr::NPC_ValueDependentIsNotNull) !=
        Expr::NPCK_NotNull)
      return true;
    Expr::EvalResult R;
    return E->EvaluateAsInt(R, AC->ast()) && R.Val.getInt() == 0;
  }

  static bool isErrTest(const CallExpr *C) {
    const FunctionDecl *F = C ? C->getDirectCallee() : nullptr;
    if (!F || !F->getIdentifier() || C->getNumArgs() != 1)
      return false;
    return F->getName() == "IS_ERR" || F->getName() == "IS_ERR_OR_NULL";
  }

  /// How a registration call's result is used: assigned to a local, tested
  /// in a branch condition, or neither.
  void classify() {
    for (Point &P : Points) {
      if (!isa<CallExpr>(P.S))
        continue;
      const Stmt *Cur = P.S;
      while (true) {
        auto It = Parent.find(Cur);
        const Stmt *Up = It == Parent.end() ? nullptr : It->second;
        if (const auto *E = dyn_cast_or_null<Expr>(Cur))
          if (CondRoots.count(E)) {
            P.U = Point::Condition;
            break;
          }
        if (!Up)
          break;
        if (isa<ParenExpr>(Up) || isa<ImplicitCastExpr>(Up) || isa<CStyleCastExpr>(Up)) {
          Cur = Up;
          continue;
        }
        if (const auto *U = dyn_cast<UnaryOperator>(Up))
          if (U->getOpcode() == UO_LNot) {
            Cur = Up;
            continue;
          }
        if (const auto *B = dyn_cast<BinaryOperator>(Up)) {
          if (B->isComparisonOp()) {
            Cur = Up;
            continue;
          }
          if (B->getOpcode() == BO_Assign && B->getRHS()->IgnoreParenCasts() == P.S &&
              localVar(B->getLHS()))
            P.U = Point::Assigned;
          break;
        }
        if (const auto *C = dyn_cast<CallExpr>(Up))
          if (isErrTest(C) || C->getBuiltinCallee() == Builtin::BI__builtin_expect) {
            Cur = Up;
            continue;
          }
        if (const auto *DS = dyn_cast<DeclStmt>(Up))
          if (DS->isSingleDecl())
            if (const auto *V = dyn_cast<VarDecl>(DS->getSingleDecl()))
              if (V->getInit() && V->getInit()->IgnoreParenCasts() == P.S &&
                  !V->hasGlobalStorage())
                P.U = Point::Assigned;
        break;
      }
    }
  }

  /// A variable whose value the path tracks: a local, or a static of the
  /// module that init assigns a result to (`handle = reg(); if (IS_ERR(handle))`).
  static const VarDecl *localVar(const Expr *E) {
    const auto *D = dyn_cast_or_null<DeclRefExpr>(E ? E->IgnoreParenCasts() : nullptr);
    const auto *V = D ? dyn_cast<VarDecl>(D->getDecl()) : nullptr;
    return V && (!V->hasGlobalStorage() || V->getStorageClass() == SC_Static)
               ? V
               : nullptr;
  }

  /// `__builtin_expect(x, v)` (likely()/unlikely()) is x.
  static const Expr *expected(const Expr *E) {
    const auto *C = dyn_cast<CallExpr>(E->IgnoreParenCasts());
    if (C && C->getBuiltinCallee() == Builtin::BI__builtin_expect && C->getNumArgs() == 2)
      return expected(C->getArg(0));
    return E->IgnoreParenCasts();
  }

  /// The point an expression is (a registration call), or -1.
  int pointOf(const Expr *E) const {
    auto It = PointOf.find(E ? E->IgnoreParenCasts() : nullptr);
    return It == PointOf.end() ? -1 : int(It->second);
  }

  static bool setVal(State &St, const VarDecl *V, int X) {
    auto It = St.Vals.find(V);
    if (It != St.Vals.end() && It->second != X)
      return false; // contradicts what the path knows: infeasible
    St.Vals[V] = X;
    return true;
  }

  /// The outcome of a tested result: Failed or succeeded.
  bool outcome(State &St, const Expr *X, bool Failed) {
    X = X->IgnoreParenCasts();
    if (int P = pointOf(X); P >= 0) {
      if (!Failed)
        St.Done.insert(unsigned(P));
      return true;
    }
    if (const VarDecl *V = localVar(X)) {
      auto It = St.Pending.find(V);
      if (It != St.Pending.end()) {
        // The variable still holds the result: a later test may still find
        // it failed (`if (IS_ERR(p)) ...; if (!p) ...`).
        unsigned P = It->second;
        if (!Failed) {
          St.Done.insert(P);
        } else {
          St.Done.erase(P);
          St.Pending.erase(It);
        }
        if (Points[P].IntResult)
          return setVal(St, V, Failed ? NonZero : Zero);
        return true;
      }
      if (Failed && V->getType()->isIntegerType())
        return setVal(St, V, NonZero);
    }
    return true;
  }

  /// X is truthy (Truthy) on this edge.
  bool truth(State &St, const Expr *X, bool Truthy) {
    X = X->IgnoreParenCasts();
    bool IntLike = X->getType()->isIntegerType() && !X->getType()->isBooleanType();
    int P = pointOf(X);
    const VarDecl *V = localVar(X);
    if (P < 0 && V) {
      auto It = St.Pending.find(V);
      if (It != St.Pending.end())
        P = int(It->second);
    }
    if (P >= 0) {
      bool IntResult = Points[unsigned(P)].IntResult;
      return outcome(St, X, IntResult ? Truthy : !Truthy);
    }
    if (V && IntLike)
      return setVal(St, V, Truthy ? NonZero : Zero);
    return true;
  }

  bool refine(State &St, const Expr *C, bool Taken) {
    C = expected(C);
    if (const auto *U = dyn_cast<UnaryOperator>(C))
      if (U->getOpcode() == UO_LNot)
        return refine(St, U->getSubExpr(), !Taken);
    if (const auto *B = dyn_cast<BinaryOperator>(C)) {
      const Expr *X = nullptr;
      bool Swapped = false;
      if (isZeroConst(B->getRHS()))
        X = B->getLHS();
      else if (isZeroConst(B->getLHS()))
        X = B->getRHS(), Swapped = true;
      if (!X)
        return true;
      BinaryOperatorKind Op = B->getOpcode();
      if (Swapped) // 0 < x is x > 0
        Op = Op == BO_LT ? BO_GT : Op == BO_GT ? BO_LT : Op == BO_LE ? BO_GE
             : Op == BO_GE ? BO_LE : Op;
      switch (Op) {
      case BO_EQ:
        return truth(St, X, !Taken);
      case BO_NE:
        return truth(St, X, Taken);
      case BO_LT: // x < 0: failure when taken
        return outcomeOrNonZero(St, X, Taken);
      case BO_GE: // x >= 0: success when taken
        return outcomeOrNonZero(St, X, !Taken);
      default:
        return true;
      }
    }
    if (const auto *CE = dyn_cast<CallExpr>(C))
      if (isErrTest(CE))
        return outcome(St, CE->getArg(0), Taken);
    return truth(St, C, Taken);
  }

  /// `x < 0` decided: a negative x failed; a non-negative one succeeded
  /// (for a registration) but is not known to be 0 (for another value).
  bool outcomeOrNonZero(State &St, const Expr *X, bool Negative) {
    const Expr *S = X->IgnoreParenCasts();
    const VarDecl *V = localVar(S);
    bool Tracked = pointOf(S) >= 0 || (V && St.Pending.count(V));
    if (Tracked) {
      bool Ok = outcome(St, S, Negative);
      if (!Negative && V)
        St.Vals.erase(V); // >= 0, not necessarily 0
      return Ok;
    }
    if (Negative && V && V->getType()->isIntegerType())
      return setVal(St, V, NonZero);
    return true;
  }

  void assign(State &St, const VarDecl *V, const Expr *RHS) {
    St.Pending.erase(V);
    St.Vals.erase(V);
    if (!RHS)
      return;
    RHS = RHS->IgnoreParenCasts();
    if (int P = pointOf(RHS); P >= 0 && Points[unsigned(P)].U == Point::Assigned) {
      St.Pending[V] = unsigned(P);
      return;
    }
    Expr::EvalResult R;
    if (V->getType()->isIntegerType() && RHS->EvaluateAsInt(R, AC->ast())) {
      St.Vals[V] = R.Val.getInt() == 0 ? Zero : NonZero;
      return;
    }
    if (const VarDecl *W = localVar(RHS)) {
      auto It = St.Vals.find(W);
      if (It != St.Vals.end())
        St.Vals[V] = It->second;
    }
  }

  /// Failure returns found: the return, and the points done before it.
  std::map<const ReturnStmt *, std::set<unsigned>> Failures;

  void returned(const ReturnStmt *R, const State &St) {
    if (St.Done.empty())
      return;
    const Expr *V = R->getRetValue();
    if (!V)
      return;
    V = V->IgnoreParenCasts();
    std::set<unsigned> Done = St.Done;
    if (int P = pointOf(V); P >= 0)
      Done.erase(unsigned(P)); // its own failure is its own business
    if (const VarDecl *X = localVar(V)) {
      auto It = St.Pending.find(X);
      if (It != St.Pending.end())
        Done.erase(It->second);
    }
    if (Done.empty())
      return;
    Expr::EvalResult E;
    if (!V->isValueDependent() && V->EvaluateAsInt(E, AC->ast())) {
      if (!E.Val.getInt().isNegative())
        return;
    } else if (const VarDecl *X = localVar(V)) {
      auto It = St.Vals.find(X);
      if (It != St.Vals.end() && It->second == Zero)
        return;
    }
    Failures[R].insert(Done.begin(), Done.end());
  }

  void step(const Stmt *S, State &St, bool Final) {
    if (const auto *C = dyn_cast<CallExpr>(S)) {
      auto It = PointOf.find(C);
      if (It != PointOf.end() && Points[It->second].U == Point::Untested)
        St.Done.insert(It->second);
    } else if (const auto *B = dyn_cast<BinaryOperator>(S)) {
      auto It = PointOf.find(B);
      if (It != PointOf.end())
        St.Done.insert(It->second);
      if (B->isAssignmentOp())
        if (const VarDecl *V = localVar(B->getLHS()))
          assign(St, V, B->getOpcode() == BO_Assign ? B->getRHS() : nullptr);
    } else if (const auto *DS = dyn_cast<DeclStmt>(S)) {
      for (const Decl *D : DS->decls())
        if (const auto *V = dyn_cast<VarDecl>(D))
          if (!V->hasGlobalStorage())
            assign(St, V, V->getInit());
    } else if (const auto *U = dyn_cast<UnaryOperator>(S)) {
      if (U->isIncrementDecrementOp() || U->getOpcode() == UO_AddrOf)
        if (const VarDecl *V = localVar(U->getSubExpr())) {
          St.Vals.erase(V);
          St.Pending.erase(V);
        }
    } else if (const auto *R = dyn_cast<ReturnStmt>(S)) {
      if (Final)
        returned(R, St);
    }
  }

  void analyze() {
    CFG::BuildOptions BO;
    BO.setAllAlwaysAdd();
    BO.PruneTriviallyFalseEdges = true;
    std::unique_ptr<CFG> Cfg =
        CFG::buildCFG(Init, Init->getBody(), &AC->ast(), BO);
    if (!Cfg)
      return;
    CondRoots.clear();
    std::map<const CFGBlock *, const Expr *> Cond;
    for (const CFGBlock *B : *Cfg) {
      if (!B || !B->getTerminatorStmt() || B->succ_size() != 2)
        continue;
      const Expr *C = decisive(dyn_cast_or_null<Expr>(
          const_cast<CFGBlock *>(B)->getTerminatorCondition(false)));
      if (!C)
        continue;
      Cond[B] = C;
      CondRoots.insert(C);
    }
    classify();

    using StateSet = std::set<State>;
    const unsigned MaxStates = 64;
    std::map<const CFGBlock *, StateSet> In;
    In[&Cfg->getEntry()].insert(State());
    std::vector<const CFGBlock *> Work{&Cfg->getEntry()};
    std::set<const CFGBlock *> Queued{&Cfg->getEntry()};
    unsigned Steps = 0;
    while (!Work.empty()) {
      if (++Steps > 20000)
        return; // imprecise: report nothing
      const CFGBlock *B = Work.back();
      Work.pop_back();
      Queued.erase(B);
      StateSet Out;
      for (State St : In[B]) {
        for (const CFGElement &E : *B)
          if (auto CS = E.getAs<CFGStmt>())
            step(CS->getStmt(), St, false);
        Out.insert(std::move(St));
      }
      auto CIt = Cond.find(B);
      unsigned Idx = 0;
      for (const CFGBlock::AdjacentBlock &Succ : B->succs()) {
        unsigned I = Idx++;
        const CFGBlock *SB = Succ.getReachableBlock();
        if (!SB)
          continue;
        StateSet &Dest = In[SB];
        size_t Before = Dest.size();
        for (const State &St : Out) {
          State N = St;
          if (CIt != Cond.end() && !refine(N, CIt->second, I == 0))
            continue;
          Dest.insert(std::move(N));
        }
        if (Dest.size() > MaxStates)
          return;
        if (Dest.size() != Before && !Queued.count(SB)) {
          Work.push_back(SB);
          Queued.insert(SB);
        }
      }
    }
    // Final pass: evaluate the returns under the fixpoint's states.
    Failures.clear();
    for (const CFGBlock *B : *Cfg) {
      if (!B)
        continue;
      for (State St : In[B])
        for (const CFGElement &E : *B)
          if (auto CS = E.getAs<CFGStmt>())
            step(CS->getStmt(), St, true);
    }
    report();
  }

  void report() {
    std::string InitName = Init->getName().str();
    for (const auto &[R, Done] : Failures) {
      const Point &First = Points[*Done.begin()];
      Finding F;
      F.Check = id();
      F.Loc = AC->sm().getFileLoc(R->getBeginLoc());
      F.Message = "'" + InitName + "' can return failure here after " +
                  First.Reg->What + " was handed to '" + First.Reg->Interface +
                  "', an unsafe interface (no 'struct module *' owner, no "
                  "synchronous unregister): the module is freed while the "
                  "interface may still call into it, and unregistering first "
                  "does not wait for callers (Rule #2); do the unsafe "
                  "registration last, once nothing else can fail";
      unsigned N = 0;
      for (unsigned P : Done) {
        if (++N > 3)
          break;
        const Point &Pt = Points[P];
        if (Pt.Helper)
          F.Notes.push_back({Pt.Loc, "'" + Pt.Reg->Interface +
                                         "' registration succeeded in this call "
                                         "(" + Pt.Reg->What + ")"});
        else
          F.Notes.push_back({Pt.Loc, Pt.Reg->What + " handed to '" +
                                         Pt.Reg->Interface + "' here: " + Pt.Reg->Why});
        if (Pt.Helper)
          F.Notes.push_back({Pt.Reg->Loc, Pt.Reg->What + " handed to '" +
                                              Pt.Reg->Interface + "' here: " +
                                              Pt.Reg->Why});
      }
      AC->reporter().report(std::move(F));
    }
  }
};

} // namespace

std::unique_ptr<Check> createInitFailAfterUnsafeCheck() {
  return std::make_unique<InitFailAfterUnsafeCheck>();
}

} // namespace modsafe

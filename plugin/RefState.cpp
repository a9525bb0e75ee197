#include "RefState.h"
#include "Analysis.h"
#include "Compat.h"
#include "KernelExpr.h"

#include "clang/AST/ParentMapContext.h"
#include "clang/Analysis/CFG.h"

#include <algorithm>
#include <functional>
#include <set>
#include <tuple>

using namespace clang;

namespace modsafe {
namespace {

// ---------------------------------------------------------------------------
// What the knowledge base says about references, digested once per TU.

/// A getter or putter: the reference is on refKey(argument) + Suffix
/// ("" for a struct module *, ".owner" for an ops structure), or on the
/// returned object's owner (Arg < 0).
struct RefOp {
  enum Result { Bool, Pointer, Errno, Void } Res = Void;
  int Arg = 0;
  std::string Suffix;
  bool OnResult = false;
};

struct RefKnowledge {
  std::map<std::string, RefOp> Getters, Putters;
  std::map<std::string, std::string> OwnerPath; // struct -> ".owner"/".driver.owner"
  std::set<std::pair<std::string, std::string>> PinnedThrough;
  // Error pointers: IS_ERR-style tests and ERR_PTR-style constructors.
  std::set<std::string> ErrTests, ErrTestsOrNull, ErrMakers;

  std::string ownerSuffix(QualType T) const {
    std::string R = recordName(T);
    auto It = OwnerPath.find(R);
    return It == OwnerPath.end() ? ".owner" : It->second;
  }
};

RefKnowledge digest(const KnowledgeBase &KB) {
  RefKnowledge K;
  for (const nlohmann::json &E : KB.section("owner_types")) {
    std::string F = E.value("field", "owner");
    K.OwnerPath[E["struct"].get<std::string>()] = "." + F;
  }
  auto op = [&](const nlohmann::json &E, bool Getter) {
    RefOp O;
    std::string Res = E.value("result", "void");
    O.Res = Res == "bool"      ? RefOp::Bool
            : Res == "pointer" ? RefOp::Pointer
                               : RefOp::Void;
    O.Arg = E.contains("arg") ? int(E["arg"].get<unsigned>()) : 0;
    std::string On = E.value("on", "module");
    O.OnResult = On == "result";
    if (O.OnResult)
      O.Arg = -1;
    O.Suffix = On == "object" ? "*" : ""; // "*": the owner path of the object's type
    (void)Getter;
    return O;
  };
  // Macros (fops_get) expand to calls of the functions listed here.
  for (const nlohmann::json &E : KB.section("ref_get"))
    if (E.contains("function"))
      K.Getters[E["function"].get<std::string>()] = op(E, true);
  for (const nlohmann::json &E : KB.section("ref_put"))
    if (E.contains("function"))
      K.Putters[E["function"].get<std::string>()] = op(E, false);
  for (const nlohmann::json &E : KB.section("error_values")) {
    std::string F = E["function"], Kd = E["kind"];
    (Kd == "make" ? K.ErrMakers : Kd == "test" ? K.ErrTests : K.ErrTestsOrNull).insert(F);
  }
  for (const nlohmann::json &E : KB.section("pinned_calls")) {
    std::string T = E["through"];
    size_t D = T.find('.');
    if (D != std::string::npos)
      K.PinnedThrough.insert({T.substr(0, D), T.substr(D + 1)});
  }
  return K;
}

// ---------------------------------------------------------------------------
// Keys: "the same reference" within one function.

std::string hexPtr(const void *P) {
  char B[32];
  snprintf(B, sizeof B, "%p", P);
  return B;
}

/// Key of the object E denotes, or "" when it cannot be tracked. Locals and
/// parameters by identity, globals by name, members by field path.
std::string refKey(const Expr *E) {
  return accessPathKey(E, [](const Expr *R) -> std::string {
    if (const auto *D = dyn_cast<DeclRefExpr>(R))
      if (const auto *V = dyn_cast<VarDecl>(D->getDecl()))
        return V->hasGlobalStorage()
                   ? "@" + V->getName().str()
                   : "L" + V->getName().str() + "#" + hexPtr(V);
    if (const auto *A = dyn_cast<ArraySubscriptExpr>(R)) {
      std::string B = refKey(A->getBase());
      return B.empty() ? "" : B + "[]";
    }
    return "";
  });
}

/// Human form of a key: "ops->owner", "THIS_MODULE".
std::string display(const std::string &Key) {
  if (Key == "@__this_module")
    return "THIS_MODULE";
  std::string R;
  size_t I = 0;
  if (!Key.empty() && Key[0] == 'L') {
    size_t H = Key.find('#');
    R = Key.substr(1, H - 1);
    I = Key.find('.', H);
    if (I == std::string::npos)
      return R;
  } else if (!Key.empty() && Key[0] == '@') {
    I = Key.find('.');
    R = Key.substr(1, I == std::string::npos ? std::string::npos : I - 1);
    if (I == std::string::npos)
      return R;
  }
  std::string Rest = Key.substr(I);
  // First hop through a pointer reads best as '->'.
  if (!Rest.empty() && Rest[0] == '.')
    Rest = "->" + Rest.substr(1);
  return R + Rest;
}

/// The expression as a kernel engineer writes it: a->b.c, THIS_MODULE.
std::string exprText(const Expr *E) {
  E = stripCasts(E);
  if (!E)
    return "";
  if (const auto *U = dyn_cast<UnaryOperator>(E)) {
    if (U->getOpcode() == UO_AddrOf) {
      if (const auto *D = dyn_cast<DeclRefExpr>(stripCasts(U->getSubExpr())))
        if (D->getDecl()->getName() == "__this_module")
          return "THIS_MODULE";
      return "&" + exprText(U->getSubExpr());
    }
    if (U->getOpcode() == UO_Deref)
      return "*" + exprText(U->getSubExpr());
  }
  if (const auto *M = dyn_cast<MemberExpr>(E)) {
    const auto *FD = dyn_cast<FieldDecl>(M->getMemberDecl());
    std::string B = exprText(M->getBase());
    if (FD && FD->isAnonymousStructOrUnion())
      return B;
    return B + (M->isArrow() ? "->" : ".") + M->getMemberDecl()->getName().str();
  }
  if (const auto *D = dyn_cast<DeclRefExpr>(E))
    return D->getDecl()->getName().str();
  if (const auto *A = dyn_cast<ArraySubscriptExpr>(E))
    return exprText(A->getBase()) + "[]";
  return "";
}

/// The key of the reference a getter/putter call takes or drops.
std::string opKey(const RefOp &O, const CallExpr *C, const RefKnowledge &K) {
  if (O.OnResult || O.Arg < 0 || unsigned(O.Arg) >= C->getNumArgs())
    return "";
  const Expr *A = C->getArg(O.Arg);
  std::string B = refKey(A);
  if (B.empty())
    return "";
  if (O.Suffix == "*") {
    QualType T = stripCasts(A)->getType();
    if (T->isPointerType())
      T = T->getPointeeType();
    return B + K.ownerSuffix(T);
  }
  return B + O.Suffix;
}

std::string calleeName(const CallExpr *C, const KnowledgeBase &KB) {
  const FunctionDecl *F = C->getDirectCallee();
  return F ? KB.canonical(F->getName().str()) : "";
}

// ---------------------------------------------------------------------------
// One path's knowledge.

struct PathState {
  std::map<std::string, uint8_t> Held; // key -> references held (0..2)
  std::map<std::string, const Stmt *> GotAt, PutAt, FailedAt;
  std::set<std::string> Escaped;           // object keys handed off
  std::map<std::string, uint8_t> Truth; // by key; 1: null/false/0, 2: non-null/true/non-zero
  std::map<const VarDecl *, int64_t> Int;   // known integer values
  std::map<const Expr *, bool> Arm;         // ?: arm taken
  std::map<const CallExpr *, bool> CallOk;  // getter outcome, when not a branch
  std::map<const VarDecl *, const Stmt *> Shared; // pointer loaded from shared storage
  std::set<std::string> ErrPtr; // keys known to hold an error pointer

  auto tie() const {
    return std::tie(Held, GotAt, PutAt, FailedAt, Escaped, Truth, Int, Arm,
                    CallOk, Shared, ErrPtr);
  }
  bool operator<(const PathState &O) const { return tie() < O.tie(); }
  bool operator==(const PathState &O) const { return tie() == O.tie(); }

  /// Is the object (or struct module *) a key denotes known to be NULL here?
  /// A reference "on" NULL is no reference: try_module_get(NULL) succeeds
  /// and module_put(NULL) does nothing.
  bool knownNull(const std::string &Key) const {
    auto It = Truth.find(Key);
    return It != Truth.end() && It->second == 1;
  }

  bool escaped(const std::string &Key) const {
    for (const std::string &O : Escaped)
      if (Key == O || (Key.size() > O.size() && Key.compare(0, O.size(), O) == 0 &&
                       (Key[O.size()] == '.' || Key[O.size()] == '[')))
        return true;
    return false;
  }
};

using StateSet = std::set<PathState>;

/// Summary of a function of this TU that acts as a getter or putter.
struct Summary {
  bool IsGetter = false, IsPutter = false;
  RefOp Op;
};

// ---------------------------------------------------------------------------

class FunctionAnalysis {
public:
  FunctionAnalysis(AnalysisContext &AC, const RefKnowledge &K,
                   const std::map<const FunctionDecl *, Summary> &Sums,
                   const FunctionDecl *FD)
      : AC(AC), KB(AC.kb()), K(K), Sums(Sums), FD(FD) {}

  bool run(RefEvents &Out, Summary &Sum);

private:
  AnalysisContext &AC;
  const KnowledgeBase &KB;
  const RefKnowledge &K;
  const std::map<const FunctionDecl *, Summary> &Sums;
  const FunctionDecl *FD;
  std::unique_ptr<CFG> Cfg;
  std::set<std::string> GetKeys, PutKeys; // references this function takes/drops
  std::map<std::string, const Stmt *> AGet; // one get per key, for notes
  std::map<const Expr *, std::pair<const ConditionalOperator *, bool>> Arms;
  std::set<const VarDecl *> ReturnVars;
  std::set<const VarDecl *> LoopVarying; // locals (re)assigned inside a loop
  int LoopDepth = 0;
  std::map<const CFGBlock *, const CallExpr *> DecisiveGetter;
  std::set<const CallExpr *> HeldAtPut; // puts some incoming path holds for
  bool Final = false;
  RefEvents *Events = nullptr;
  std::set<const Stmt *> Reported;
  struct ExitInfo {
    std::set<std::string> Held; // held, not handed off, not NULL
    std::set<std::string> Put;  // dropped on this path
    std::map<std::string, const Stmt *> Got;
    enum { Zero, Negative, NonZero, Null, NonNull, Unknown, None } Ret;
    SourceLocation At;
  };
  std::vector<ExitInfo> Exits, FinalExits;
  void decideLeaks();
  std::map<std::string, std::string> Names; // key -> as written in the code
  std::string name(const std::string &Key) const {
    auto It = Names.find(Key);
    return It != Names.end() && !It->second.empty() ? It->second : display(Key);
  }
  void remember(const std::string &Key, const Expr *Obj, const std::string &Suffix) {
    std::string T = exprText(Obj);
    if (!Key.empty() && !T.empty())
      Names.emplace(Key, T + Suffix);
  }

  const CallExpr *decisiveGetter(const CFGBlock *B) const {
    auto It = DecisiveGetter.find(B);
    return It == DecisiveGetter.end() ? nullptr : It->second;
  }

  /// A getter (or putter) call: from the knowledge base, or a wrapper of
  /// this TU summarised in the first round.
  bool refOp(const CallExpr *C, RefOp &Op, bool Getter) const {
    const auto &Table = Getter ? K.Getters : K.Putters;
    auto It = Table.find(calleeName(C, KB));
    if (It != Table.end())
      return Op = It->second, true;
    if (const FunctionDecl *F = C->getDirectCallee()) {
      auto S = Sums.find(F->getCanonicalDecl());
      if (S != Sums.end() && (Getter ? S->second.IsGetter : S->second.IsPutter))
        return Op = S->second.Op, true;
    }
    return false;
  }
  bool getterOf(const CallExpr *C, RefOp &Op) const { return refOp(C, Op, true); }
  bool putterOf(const CallExpr *C, RefOp &Op) const { return refOp(C, Op, false); }

  static const Expr *decisive(const Expr *C) {
    while (C) {
      C = C->IgnoreParenImpCasts();
      const auto *B = dyn_cast<BinaryOperator>(C);
      if (B && (B->getOpcode() == BO_LAnd || B->getOpcode() == BO_LOr))
        C = B->getRHS(); // the LHS was decided in an earlier block
      else
        return C;
    }
    return C;
  }

  /// Strips `!`, `== NULL` and the like down to a getter call, if any.
  const CallExpr *getterIn(const Expr *C) const {
    C = C ? stripCasts(C) : nullptr;
    if (const auto *U = dyn_cast_or_null<UnaryOperator>(C))
      if (U->getOpcode() == UO_LNot)
        return getterIn(U->getSubExpr());
    if (const auto *B = dyn_cast_or_null<BinaryOperator>(C))
      if (B->getOpcode() == BO_EQ || B->getOpcode() == BO_NE) {
        if (isNullLike(B->getRHS()))
          return getterIn(B->getLHS());
        if (isNullLike(B->getLHS()))
          return getterIn(B->getRHS());
      }
    if (const auto *CE = dyn_cast_or_null<CallExpr>(C)) {
      RefOp Op;
      if (getterOf(CE, Op) && Op.Res != RefOp::Void && !Op.OnResult)
        return CE;
    }
    return nullptr;
  }

  /// A key that may stand for several objects along one path: an array
  /// element, or the target of a local pointer reassigned in a loop. Leak and
  /// balance verdicts are not based on such keys.
  bool manyObjects(const std::string &Key) const {
    if (Key.find("[]") != std::string::npos)
      return true;
    for (const VarDecl *V : LoopVarying) {
      std::string Root = "L" + V->getName().str() + "#" + hexPtr(V);
      if (Key.compare(0, Root.size(), Root) == 0)
        return true;
    }
    return false;
  }

  bool isNullLike(const Expr *E) const {
    if (!E)
      return false;
    return E->isNullPointerConstant(AC.ast(), Expr::NPC_ValueDependentIsNotNull) !=
           Expr::NPCK_NotNull;
  }

  static const VarDecl *localVar(const Expr *E) {
    E = E ? stripCasts(E) : nullptr;
    if (const auto *D = dyn_cast_or_null<DeclRefExpr>(E))
      if (const auto *V = dyn_cast<VarDecl>(D->getDecl()))
        if (!V->hasGlobalStorage())
          return V;
    return nullptr;
  }

  bool readsShared(const Stmt *S, const PathState &St) const {
    if (!S)
      return false;
    if (const auto *D = dyn_cast<DeclRefExpr>(S))
      if (const auto *V = dyn_cast<VarDecl>(D->getDecl()))
        return V->hasGlobalStorage() || St.Shared.count(V);
    for (const Stmt *C : S->children())
      if (readsShared(C, St))
        return true;
    return false;
  }

  /// Pointers to structures: where an ops pointer may be loaded from.
  static bool trackedPointer(const VarDecl *V) {
    QualType T = V->getType();
    return T->isPointerType() && T->getPointeeType()->isRecordType();
  }

  void prescan(const Stmt *S);
  void nameOp(const std::string &Key, const RefOp &Op, const CallExpr *C) {
    if (Op.OnResult || Op.Arg < 0 || unsigned(Op.Arg) >= C->getNumArgs())
      return;
    const Expr *A = C->getArg(Op.Arg);
    std::string Base = refKey(A);
    std::string Rest = Key.size() > Base.size() ? Key.substr(Base.size()) : "";
    if (!Rest.empty() && Rest[0] == '.')
      Rest = "->" + Rest.substr(1); // the argument is a pointer to the object
    remember(Key, A, Rest);
  }
  StateSet transfer(const CFGBlock *B, const CFGElement &E, StateSet In);
  void step(const Stmt *S, const CFGBlock *B, PathState St, StateSet &Out);
  void assign(const Expr *L, const Expr *R, PathState &St, StateSet &Out,
              const Stmt *At);
  std::optional<PathState> refine(PathState St, const Expr *C, bool Truth);
  void atExit(const ReturnStmt *R, const PathState &St);
  void escapeArgs(const CallExpr *C, PathState &St);
  void checkCallThrough(const CallExpr *C, const StateSet &States);
  bool pinned(const Expr *Base) const;
};

void FunctionAnalysis::prescan(const Stmt *S) {
  if (!S)
    return;
  bool Loop = isa<ForStmt>(S) || isa<WhileStmt>(S) || isa<DoStmt>(S);
  if (LoopDepth > 0) {
    if (const auto *B = dyn_cast<BinaryOperator>(S))
      if (B->isAssignmentOp())
        if (const VarDecl *V = localVar(B->getLHS()))
          LoopVarying.insert(V);
    if (const auto *DS = dyn_cast<DeclStmt>(S))
      for (const Decl *D : DS->decls())
        if (const auto *V = dyn_cast<VarDecl>(D))
          LoopVarying.insert(V);
  }
  if (Loop) {
    ++LoopDepth;
    for (const Stmt *C : S->children())
      prescan(C);
    --LoopDepth;
    return;
  }
  if (const auto *C = dyn_cast<CallExpr>(S)) {
    RefOp Op;
    if (getterOf(C, Op)) {
      std::string Key = opKey(Op, C, K);
      if (!Key.empty()) {
        GetKeys.insert(Key);
        AGet.emplace(Key, C);
        nameOp(Key, Op, C);
      }
    } else if (putterOf(C, Op)) {
      std::string Key = opKey(Op, C, K);
      if (!Key.empty()) {
        PutKeys.insert(Key);
        nameOp(Key, Op, C);
      }
    }
  }
  if (const auto *CO = dyn_cast<ConditionalOperator>(S)) {
    for (bool T : {true, false}) {
      const Expr *A = T ? CO->getTrueExpr() : CO->getFalseExpr();
      for (const Expr *X = A; X;) {
        Arms[X] = {CO, T};
        const Expr *N = X->IgnoreParenImpCasts();
        if (const auto *CE = dyn_cast<CastExpr>(N))
          N = CE->getSubExpr();
        if (N == X)
          break;
        X = N;
      }
    }
  }
  if (const auto *R = dyn_cast<ReturnStmt>(S))
    if (const VarDecl *V = localVar(R->getRetValue()))
      ReturnVars.insert(V);
  for (const Stmt *C : S->children())
    prescan(C);
}

bool FunctionAnalysis::pinned(const Expr *Base) const {
  Base = stripCasts(Base);
  while (const auto *M = dyn_cast_or_null<MemberExpr>(Base)) {
    const auto *F = dyn_cast<FieldDecl>(M->getMemberDecl());
    if (F) {
      const RecordDecl *R = F->getParent();
      while (R && R->isAnonymousStructOrUnion())
        R = dyn_cast<RecordDecl>(R->getParent());
      if (R && K.PinnedThrough.count({recordName(AC.ast().getRecordType(R)),
                                      F->getName().str()}))
        return true;
    }
    Base = stripCasts(M->getBase());
  }
  return false;
}

std::optional<PathState> FunctionAnalysis::refine(PathState St, const Expr *C,
                                                  bool Truth) {
  C = C ? stripCasts(C) : nullptr;
  if (!C)
    return St;
  if (const auto *U = dyn_cast<UnaryOperator>(C))
    if (U->getOpcode() == UO_LNot)
      return refine(std::move(St), U->getSubExpr(), !Truth);
  if (const auto *B = dyn_cast<BinaryOperator>(C)) {
    if (B->getOpcode() == BO_EQ || B->getOpcode() == BO_NE) {
      bool Eq = B->getOpcode() == BO_EQ;
      if (isNullLike(B->getRHS()))
        return refine(std::move(St), B->getLHS(), Truth != Eq);
      if (isNullLike(B->getLHS()))
        return refine(std::move(St), B->getRHS(), Truth != Eq);
    }
    if (B->getOpcode() == BO_Assign)
      return refine(std::move(St), B->getLHS(), Truth);
    return St;
  }
  if (const auto *CE = dyn_cast<CallExpr>(C)) {
    std::string N = calleeName(CE, KB);
    if ((K.ErrTests.count(N) || K.ErrTestsOrNull.count(N)) && CE->getNumArgs() == 1) {
      std::string X = refKey(CE->getArg(0));
      if (!X.empty()) {
        if (Truth && K.ErrTests.count(N))
          St.ErrPtr.insert(X);
        else if (!Truth)
          St.ErrPtr.erase(X);
      }
      return St;
    }
    RefOp Op;
    if (getterOf(CE, Op) && !Op.OnResult && Op.Res != RefOp::Void) {
      auto Known = St.CallOk.find(CE);
      bool Ok = Op.Res == RefOp::Errno ? !Truth : Truth;
      if (Known != St.CallOk.end())
        return Known->second == Ok ? std::optional<PathState>(St) : std::nullopt;
      std::string Key = opKey(Op, CE, K);
      if (Key.empty())
        return St;
      if (Ok) {
        uint8_t &H = St.Held[Key];
        H = std::min<uint8_t>(H + 1, 2);
        St.GotAt[Key] = CE;
        St.FailedAt.erase(Key);
      } else {
        St.FailedAt[Key] = CE;
      }
      return St;
    }
    return St;
  }
  if (const auto *CO = dyn_cast<ConditionalOperator>(C)) {
    // `if (!fops_get(f))`: the value of the arm this path took.
    auto A = St.Arm.find(CO);
    if (A == St.Arm.end())
      return St;
    const Expr *Taken = A->second ? CO->getTrueExpr() : CO->getFalseExpr();
    const Expr *Other = A->second ? CO->getFalseExpr() : CO->getTrueExpr();
    if (isNullLike(Taken))
      return Truth ? std::nullopt : std::optional<PathState>(St);
    if (isNullLike(Other))
      return Truth ? std::optional<PathState>(St) : std::nullopt;
    return refine(std::move(St), Taken, Truth);
  }
  if (const VarDecl *V = localVar(C)) {
    auto I = St.Int.find(V);
    if (I != St.Int.end() && (I->second != 0) != Truth)
      return std::nullopt;
  }
  std::string Key = refKey(C);
  if (!Key.empty() && (C->getType()->isPointerType() ||
                       C->getType()->isIntegerType() || C->getType()->isBooleanType())) {
    auto It = St.Truth.find(Key);
    if (It != St.Truth.end()) {
      if ((It->second == 2) != Truth)
        return std::nullopt; // this path cannot take that branch
      return St;
    }
    St.Truth[Key] = Truth ? 2 : 1;
  }
  return St;
}

void FunctionAnalysis::escapeArgs(const CallExpr *C, PathState &St) {
  for (const Expr *A : C->arguments()) {
    const Expr *S = stripCasts(A);
    if (const auto *U = dyn_cast<UnaryOperator>(S))
      if (U->getOpcode() == UO_AddrOf)
        if (const auto *M = dyn_cast<MemberExpr>(stripCasts(U->getSubExpr()))) {
          // &obj->member (list_add(&ops->list, ...)): the object goes along.
          std::string B = refKey(M->getBase());
          if (!B.empty())
            St.Escaped.insert(B);
          continue;
        }
    std::string Key = refKey(S);
    if (!Key.empty() && S->getType()->isPointerType())
      St.Escaped.insert(Key);
  }
}

void FunctionAnalysis::assign(const Expr *L, const Expr *R, PathState &St,
                              StateSet &Out, const Stmt *At) {
  const Expr *RS = stripCasts(R);
  uint8_t PendingTruth = 0; // what this assignment tells about L's value
  // `x = c ? a : b`: the arm this path took.
  if (const auto *CO = dyn_cast_or_null<ConditionalOperator>(RS)) {
    auto It = St.Arm.find(CO);
    if (It != St.Arm.end()) {
      const Expr *Taken = It->second ? CO->getTrueExpr() : CO->getFalseExpr();
      const Expr *Other = It->second ? CO->getFalseExpr() : CO->getTrueExpr();
      if (const VarDecl *V = localVar(L))
        if (isNullLike(Other) || isNullLike(Taken)) {
          PendingTruth = isNullLike(Taken) ? 1 : 2;
          St.Int.erase(V);
        }
      RS = stripCasts(Taken);
      R = Taken;
    }
  }
  const VarDecl *LV = localVar(L);
  std::string LK = refKey(L), RK = refKey(R);
  // The object L denoted is gone: forget what was known about it.
  if (!LK.empty())
    for (auto It = St.Truth.begin(); It != St.Truth.end();)
      It = It->first.compare(0, LK.size() + 1, LK + ".") == 0 ? St.Truth.erase(It)
                                                                : std::next(It);

  // Getter results kept in variables.
  if (const auto *CE = dyn_cast_or_null<CallExpr>(RS)) {
    RefOp Op;
    if (getterOf(CE, Op) && Op.OnResult && LV && !LK.empty()) {
      std::string Key = LK + K.ownerSuffix(LV->getType()->isPointerType()
                                               ? LV->getType()->getPointeeType()
                                               : LV->getType());
      PathState Fail = St;
      Fail.Truth[LK] = 1;
      Fail.FailedAt[Key] = CE;
      Fail.Shared.erase(LV);
      Out.insert(Fail);
      uint8_t &H = St.Held[Key];
      H = std::min<uint8_t>(H + 1, 2);
      St.GotAt[Key] = CE;
      St.Truth[LK] = 2;
      St.Shared.erase(LV);
      return;
    }
    auto Ok = St.CallOk.find(CE);
    if (Ok != St.CallOk.end() && LV) {
      bool Nonzero = Op.Res == RefOp::Errno ? !Ok->second : Ok->second;
      PendingTruth = Nonzero ? 2 : 1;
      St.Int.erase(LV);
    }
  }
  if (LV) {
    if (ReturnVars.count(LV)) {
      Expr::EvalResult ER;
      if (R && !R->isValueDependent() && R->EvaluateAsInt(ER, AC.ast()))
        St.Int[LV] = ER.Val.getInt().getExtValue();
      else
        St.Int.erase(LV);
    }
  }
  if (!LK.empty()) {
    const auto *RC = dyn_cast_or_null<CallExpr>(RS);
    if (RC && K.ErrMakers.count(calleeName(RC, KB)))
      St.ErrPtr.insert(LK);
    else if (!RK.empty() && St.ErrPtr.count(RK))
      St.ErrPtr.insert(LK);
    else
      St.ErrPtr.erase(LK);
  }
  if (!LK.empty()) {
    if (PendingTruth)
      St.Truth[LK] = PendingTruth;
    else if (isNullLike(R))
      St.Truth[LK] = 1;
    else if (!RK.empty() && St.Truth.count(RK))
      St.Truth[LK] = St.Truth[RK];
    else
      St.Truth.erase(LK);
  }
  if (LV) {
    if (trackedPointer(LV)) {
      if (readsShared(R, St))
        St.Shared.emplace(LV, At); // keep the first load: one state per loop
      else
        St.Shared.erase(LV);
    }
  }
  // x = y: references on y's owner are references on x's owner.
  if (!LK.empty() && !RK.empty() && LK != RK) {
    std::vector<std::pair<std::string, uint8_t>> Copy;
    for (const auto &[Key, N] : St.Held)
      if (Key.compare(0, RK.size() + 1, RK + ".") == 0)
        Copy.push_back({LK + Key.substr(RK.size()), N});
    for (const auto &[Key, N] : Copy) {
      St.Held[Key] = N;
      auto G = St.GotAt.find(RK + Key.substr(LK.size()));
      if (G != St.GotAt.end())
        St.GotAt[Key] = G->second;
    }
  }
  // Stored anywhere but a plain local: handed off.
  if (!RK.empty() && !LV && R && R->getType()->isPointerType())
    St.Escaped.insert(RK);
}

void FunctionAnalysis::checkCallThrough(const CallExpr *C,
                                        const StateSet &States) {
  const auto *M = dyn_cast_or_null<MemberExpr>(stripCasts(C->getCallee()));
  if (!M || Reported.count(C))
    return;
  const auto *F = dyn_cast<FieldDecl>(M->getMemberDecl());
  if (!F)
    return;
  const RecordDecl *R = F->getParent();
  while (R && R->isAnonymousStructOrUnion())
    R = dyn_cast<RecordDecl>(R->getParent());
  if (!R)
    return;
  auto OP = K.OwnerPath.find(recordName(AC.ast().getRecordType(R)));
  if (OP == K.OwnerPath.end())
    return;
  if (pinned(M->getBase()))
    return;
  std::string Obj = refKey(M->getBase());
  if (Obj.empty())
    return;
  std::string Key = Obj + OP->second;
  remember(Key, M->getBase(), "->" + OP->second.substr(1));
  const VarDecl *BaseVar = localVar(M->getBase());
  for (const PathState &St : States) {
    auto H = St.Held.find(Key);
    if (H != St.Held.end() && H->second > 0)
      continue;
    if (St.knownNull(Key) || St.knownNull(Obj))
      continue; // no owner, or no object: nothing to pin
    std::string Fn = refKey(M);
    std::string FnText = exprText(M);
    RefEvents::Unguarded U{C, name(Key), FnText.empty() ? display(Fn.empty() ? Obj : Fn) : FnText, "",
                           SourceLocation(), ""};
    auto Put = St.PutAt.find(Key);
    auto Fail = St.FailedAt.find(Key);
    if (Put != St.PutAt.end()) {
      U.Why = "after the reference on '" + name(Key) + "' was dropped";
      U.Related = Put->second->getBeginLoc();
      U.RelatedMsg = "reference on '" + name(Key) + "' dropped here";
    } else if (Fail != St.FailedAt.end()) {
      U.Why = "on a path where taking the reference on '" + name(Key) + "' failed";
      U.Related = Fail->second->getBeginLoc();
      U.RelatedMsg = "'" + name(Key) + "' can fail here and the call is still reached";
    } else if (GetKeys.count(Key)) {
      U.Why = "on a path that takes no reference on '" + name(Key) + "'";
      U.Related = AGet[Key]->getBeginLoc();
      U.RelatedMsg = "the reference is taken here, but not on every path to the call";
    } else if (BaseVar && St.Shared.count(BaseVar)) {
      U.Why = "on an object loaded from shared data, with no reference on '" + name(Key) + "'";
      U.Related = St.Shared.at(BaseVar)->getBeginLoc();
      U.RelatedMsg = "'" + BaseVar->getName().str() + "' is loaded from shared data here";
    } else if (Obj[0] == '@') {
      U.Why = "through a global structure, with no reference on '" + name(Key) + "'";
    } else {
      continue; // the caller's reference, most likely: not this function's job
    }
    Reported.insert(C);
    Events->UnguardedCalls.push_back(U);
    return;
  }
}

void FunctionAnalysis::atExit(const ReturnStmt *R, const PathState &St) {
  ExitInfo EI;
  EI.Ret = ExitInfo::None;
  const Expr *V = R ? R->getRetValue() : nullptr;
  if (V) {
    Expr::EvalResult ER;
    const VarDecl *RV = localVar(V);
    const Expr *S = stripCasts(V);
    if (isNullLike(V) && V->getType()->isPointerType())
      EI.Ret = ExitInfo::Null;
    else if (!refKey(V).empty() && St.ErrPtr.count(refKey(V)))
      EI.Ret = ExitInfo::Negative; // an error pointer
    else if (!V->isValueDependent() && V->EvaluateAsInt(ER, AC.ast())) {
      int64_t X = ER.Val.getInt().getExtValue();
      EI.Ret = X == 0 ? ExitInfo::Zero : X < 0 ? ExitInfo::Negative : ExitInfo::NonZero;
    } else if (RV && St.Int.count(RV)) {
      int64_t X = St.Int.at(RV);
      EI.Ret = X == 0 ? ExitInfo::Zero : X < 0 ? ExitInfo::Negative : ExitInfo::NonZero;
    } else if (RV && St.Truth.count(refKey(V))) {
      bool Ptr = RV->getType()->isPointerType();
      EI.Ret = St.Truth.at(refKey(V)) == 1 ? (Ptr ? ExitInfo::Null : ExitInfo::Zero)
                                           : (Ptr ? ExitInfo::NonNull : ExitInfo::NonZero);
    } else if (const auto *CE = dyn_cast<CallExpr>(S)) {
      auto Ok = St.CallOk.find(CE);
      if (Ok != St.CallOk.end())
        EI.Ret = Ok->second ? ExitInfo::NonZero : ExitInfo::Zero;
      else if (K.ErrMakers.count(calleeName(CE, KB)))
        EI.Ret = ExitInfo::Negative;
      else
        EI.Ret = ExitInfo::Unknown;
    } else
      EI.Ret = ExitInfo::Unknown;
  }
  for (const auto &[Key, N] : St.Held)
    if (N > 0 && !St.escaped(Key) && !St.knownNull(Key))
      EI.Held.insert(Key);
  for (const auto &[Key, S] : St.PutAt)
    EI.Put.insert(Key);
  EI.Got = St.GotAt;
  EI.At = R ? R->getBeginLoc() : FD->getBodyRBrace();
  (Final ? FinalExits : Exits).push_back(EI);
}

// A reference this function took, still held at a return, is leaked when
// that return reports an error (nobody will ever put it), or when another
// return of the same kind drops it (the function releases it itself).
void FunctionAnalysis::decideLeaks() {
  // Kernel convention: an int function that returns negative error codes
  // returns an error whenever it returns something known to be non-zero
  // (`if (err) goto out; ... out: return err;`). Without a negative code in
  // sight the int may be a truth value (drbd_thread_start returns
  // true/false), and non-zero is success.
  bool ZeroIsSuccess = false;
  QualType RT = FD->getReturnType();
  if (RT->isIntegerType() && RT->isSignedIntegerType() && !RT->isBooleanType())
    for (const ExitInfo &O : FinalExits)
      ZeroIsSuccess |= O.Ret == ExitInfo::Negative;
  std::set<std::pair<unsigned, const Stmt *>> Seen; // (return, get)
  for (const ExitInfo &EI : FinalExits) {
    bool Error = EI.Ret == ExitInfo::Negative || EI.Ret == ExitInfo::Null ||
                 (ZeroIsSuccess && EI.Ret == ExitInfo::NonZero);
    // Aliases of one reference (f and s->fops after f = fops_get(s->fops))
    // are one leak: name it by its shortest spelling.
    std::vector<std::string> Keys(EI.Held.begin(), EI.Held.end());
    std::stable_sort(Keys.begin(), Keys.end(), [&](const std::string &A, const std::string &B) {
      return name(A).size() < name(B).size();
    });
    for (const std::string &Key : Keys) {
      auto G = EI.Got.find(Key);
      if (G == EI.Got.end() || manyObjects(Key))
        continue; // not taken by this function, or not one object
      bool Leak = Error;
      if (!Leak && EI.Ret != ExitInfo::Unknown)
        for (const ExitInfo &O : FinalExits)
          Leak |= O.Ret == EI.Ret && !O.Held.count(Key) && O.Put.count(Key);
      if (!Leak || !Seen.insert({EI.At.getRawEncoding(), G->second}).second)
        continue;
      Events->Leaks.push_back({EI.At, name(Key), G->second->getBeginLoc(), Error});
    }
  }
}

void FunctionAnalysis::step(const Stmt *S, const CFGBlock *B, PathState St,
                            StateSet &Out) {
  // The arm of a ?: this path is in.
  if (const auto *E = dyn_cast<Expr>(S)) {
    auto A = Arms.find(E);
    if (A != Arms.end())
      St.Arm[A->second.first] = A->second.second;
  }
  if (const auto *C = dyn_cast<CallExpr>(S)) {
    RefOp Op;
    if (getterOf(C, Op)) {
      std::string Key = opKey(Op, C, K);
      if (Op.Res == RefOp::Void && !Key.empty()) {
        uint8_t &H = St.Held[Key];
        H = std::min<uint8_t>(H + 1, 2);
        St.GotAt[Key] = C;
      } else if (!Op.OnResult && !Key.empty() && decisiveGetter(B) != C) {
        // Outcome kept for a later test (ret = try_module_get(m)): split.
        PathState Fail = St;
        Fail.CallOk[C] = false;
        Fail.FailedAt[Key] = C;
        Out.insert(Fail);
        uint8_t &H = St.Held[Key];
        H = std::min<uint8_t>(H + 1, 2);
        St.GotAt[Key] = C;
        St.CallOk[C] = true;
      }
    } else if (putterOf(C, Op)) {
      std::string Key = opKey(Op, C, K);
      if (!Key.empty()) {
        auto H = St.Held.find(Key);
        bool None = H == St.Held.end() || H->second == 0;
        // Evidence that this path lacks a reference the function means to
        // drop here: its get failed on the path, it was already dropped on
        // the path, or another path into this put holds it (a skipped get).
        // A put before the get of a *new* object under the same name
        // (vt.c's visual_init swaps vc->vc_sw) is not unbalanced.
        bool Evidence = St.FailedAt.count(Key) || St.PutAt.count(Key) ||
                        HeldAtPut.count(C);
        if (Final && None && Evidence && GetKeys.count(Key) && !Reported.count(C) &&
            !manyObjects(Key) && !St.knownNull(Key)) {
          Reported.insert(C);
          Events->UnbalancedPuts.push_back(
              {C, name(Key), AGet[Key]->getBeginLoc(),
               "the reference '" + name(Key) + "' is taken here, but not on every path to the put"});
        }
        if (!None)
          --H->second;
        St.PutAt[Key] = C;
      }
    } else {
      if (Final) {
        StateSet One{St};
        checkCallThrough(C, One);
      }
      escapeArgs(C, St);
    }
  } else if (const auto *BO = dyn_cast<BinaryOperator>(S)) {
    if (BO->getOpcode() == BO_Assign) {
      assign(BO->getLHS(), BO->getRHS(), St, Out, BO);
    }
  } else if (const auto *DS = dyn_cast<DeclStmt>(S)) {
    for (const Decl *D : DS->decls())
      if (const auto *V = dyn_cast<VarDecl>(D))
        if (V->getInit() && !V->hasGlobalStorage()) {
          DeclRefExpr Ref(AC.ast(), const_cast<VarDecl *>(V), false,
                          V->getType(), VK_LValue, V->getLocation());
          assign(&Ref, V->getInit(), St, Out, DS);
        }
  } else if (const auto *R = dyn_cast<ReturnStmt>(S)) {
    if (const Expr *V = R->getRetValue()) {
      std::string RK = refKey(V);
      if (!RK.empty() && V->getType()->isPointerType())
        St.Escaped.insert(RK);
    }
    atExit(R, St);
  }
  Out.insert(std::move(St));
}

StateSet FunctionAnalysis::transfer(const CFGBlock *B, const CFGElement &E,
                                    StateSet In) {
  auto CS = E.getAs<CFGStmt>();
  if (!CS)
    return In;
  if (Final)
    if (const auto *C = dyn_cast<CallExpr>(CS->getStmt())) {
      RefOp Op;
      if (putterOf(C, Op)) {
        std::string Key = opKey(Op, C, K);
        for (const PathState &St : In) {
          auto H = St.Held.find(Key);
          if (H != St.Held.end() && H->second > 0)
            HeldAtPut.insert(C);
        }
      }
    }
  StateSet Out;
  for (const PathState &St : In)
    step(CS->getStmt(), B, St, Out);
  return Out;
}

bool FunctionAnalysis::run(RefEvents &Out, Summary &Sum) {
  const Stmt *Body = FD->getBody();
  prescan(Body);
  CFG::BuildOptions BO;
  BO.setAllAlwaysAdd();
  BO.PruneTriviallyFalseEdges = true;
  Cfg = CFG::buildCFG(FD, const_cast<Stmt *>(Body), &AC.ast(), BO);
  if (!Cfg)
    return false;
  Events = &Out;

  // The getter a block's branch decides on is handled at the branch.
  for (const CFGBlock *B : *Cfg) {
    if (!B)
      continue;
    const Stmt *T = B->getTerminatorStmt();
    if (!T)
      continue;
    const Expr *C = decisive(
        dyn_cast_or_null<Expr>(const_cast<CFGBlock *>(B)->getTerminatorCondition(false)));
    if (const CallExpr *G = getterIn(C))
      DecisiveGetter[B] = G;
  }

  const unsigned MaxStates = 48;
  std::map<const CFGBlock *, StateSet> In;
  In[&Cfg->getEntry()].insert(PathState());
  auto runBlocks = [&]() -> bool {
    std::vector<const CFGBlock *> Work{&Cfg->getEntry()};
    std::set<const CFGBlock *> Queued{&Cfg->getEntry()};
    unsigned Steps = 0;
    while (!Work.empty()) {
      if (++Steps > 20000)
        return false;
      const CFGBlock *B = Work.back();
      Work.pop_back();
      Queued.erase(B);
      StateSet Cur = In[B];
      for (const CFGElement &E : *B)
        Cur = transfer(B, E, std::move(Cur));
      if (Cur.size() > MaxStates)
        return false;
      const Expr *Cond = nullptr;
      if (B->getTerminatorStmt() && B->succ_size() == 2)
        Cond = decisive(dyn_cast_or_null<Expr>(
            const_cast<CFGBlock *>(B)->getTerminatorCondition(false)));
      unsigned Idx = 0;
      for (const CFGBlock::AdjacentBlock &Succ : B->succs()) {
        unsigned I = Idx++;
        const CFGBlock *SB = Succ.getReachableBlock();
        if (!SB)
          continue;
        StateSet Next;
        for (const PathState &St : Cur) {
          if (Cond) {
            if (auto R = refine(St, Cond, I == 0))
              Next.insert(std::move(*R));
          } else {
            Next.insert(St);
          }
        }
        StateSet &Dest = In[SB];
        size_t Before = Dest.size();
        Dest.insert(Next.begin(), Next.end());
        if (Dest.size() > MaxStates)
          return false;
        if (Dest.size() != Before && !Queued.count(SB)) {
          Work.push_back(SB);
          Queued.insert(SB);
        }
      }
    }
    return true;
  };
  if (!runBlocks()) {
    Out.Imprecise = true;
    return true;
  }
  // Falling off the end of a void function.
  for (const PathState &St : In[&Cfg->getExit()])
    (void)St;

  // Final pass: with every block's complete input, record the events.
  Final = true;
  for (const CFGBlock *B : *Cfg) {
    if (!B)
      continue;
    StateSet Cur = In[B];
    for (const CFGElement &E : *B)
      Cur = transfer(B, E, std::move(Cur));
    // A block that reaches the exit without a return statement.
    bool ToExit = false;
    for (const CFGBlock::AdjacentBlock &S : B->succs())
      ToExit |= S.getReachableBlock() == &Cfg->getExit();
    bool EndsInReturn = false;
    if (!B->empty())
      if (auto CS = B->back().getAs<CFGStmt>())
        EndsInReturn = isa<ReturnStmt>(CS->getStmt());
    if (ToExit && !EndsInReturn && B != &Cfg->getEntry())
      for (const PathState &St : Cur)
        atExit(nullptr, St);
  }
  decideLeaks();
  Final = false;

  // Summaries: a function whose success returns hold a reference rooted in a
  // parameter and whose failure returns do not is a getter; one that drops
  // such a reference on every path is a putter.
  for (unsigned PI = 0; PI < FD->getNumParams(); ++PI) {
    const ParmVarDecl *P = FD->getParamDecl(PI);
    std::string Root = "L" + P->getName().str() + "#" + hexPtr(P);
    for (const std::string &Key : GetKeys) {
      if (Key.compare(0, Root.size(), Root) != 0)
        continue;
      std::set<int> WithRef, Without;
      for (const ExitInfo &EI : Exits)
        (EI.Held.count(Key) ? WithRef : Without).insert(EI.Ret);
      if (WithRef.empty() || Without.empty() || WithRef.count(ExitInfo::Unknown) ||
          Without.count(ExitInfo::Unknown))
        continue;
      auto only = [](const std::set<int> &S, std::initializer_list<int> Ok) {
        for (int X : S)
          if (std::find(Ok.begin(), Ok.end(), X) == Ok.end())
            return false;
        return true;
      };
      RefOp Op;
      Op.Arg = int(PI);
      Op.Suffix = Key.substr(Root.size());
      if (only(WithRef, {ExitInfo::Zero}) &&
          only(Without, {ExitInfo::Negative, ExitInfo::NonZero}))
        Op.Res = RefOp::Errno;
      else if (only(WithRef, {ExitInfo::NonZero}) && only(Without, {ExitInfo::Zero}))
        Op.Res = RefOp::Bool;
      else if (only(WithRef, {ExitInfo::NonNull}) && only(Without, {ExitInfo::Null}))
        Op.Res = RefOp::Pointer;
      else
        continue;
      Sum.IsGetter = true;
      Sum.Op = Op;
      break;
    }
    // A putter: drops a reference rooted in this parameter, which it does
    // not take, on every path (static void foo_put(struct foo *f)
    // { module_put(f->ops->owner); }).
    if (Sum.IsGetter)
      break;
    for (const std::string &Key : PutKeys) {
      if (Key.compare(0, Root.size(), Root) != 0 || GetKeys.count(Key) ||
          FinalExits.empty())
        continue;
      bool Always = true;
      for (const ExitInfo &EI : FinalExits)
        Always &= EI.Put.count(Key) != 0;
      if (!Always)
        continue;
      Sum.IsPutter = true;
      Sum.Op.Arg = int(PI);
      Sum.Op.Suffix = Key.substr(Root.size());
      Sum.Op.Res = RefOp::Void;
      break;
    }
  }
  return true;
}

/// Does the body use references or call through an owner-carrying structure?
bool relevant(const Stmt *S, const RefKnowledge &K, const KnowledgeBase &KB,
              const std::map<const FunctionDecl *, Summary> &Sums) {
  if (!S)
    return false;
  if (const auto *C = dyn_cast<CallExpr>(S)) {
    std::string N = calleeName(C, KB);
    if (K.Getters.count(N) || K.Putters.count(N))
      return true;
    if (const FunctionDecl *F = C->getDirectCallee())
      if (Sums.count(F->getCanonicalDecl()))
        return true;
    if (const auto *M = dyn_cast<MemberExpr>(stripCasts(C->getCallee())))
      if (const auto *F = dyn_cast<FieldDecl>(M->getMemberDecl())) {
        const RecordDecl *R = F->getParent();
        while (R && R->isAnonymousStructOrUnion())
          R = dyn_cast<RecordDecl>(R->getParent());
        if (R && K.OwnerPath.count(R->getName().str()))
          return true;
      }
  }
  for (const Stmt *C : S->children())
    if (relevant(C, K, KB, Sums))
      return true;
  return false;
}

} // namespace

std::vector<std::pair<const FunctionDecl *, RefEvents>>
computeRefEvents(AnalysisContext &AC) {
  RefKnowledge K = digest(AC.kb());
  std::vector<const FunctionDecl *> Fns;
  for (const Decl *D : AC.ownDecls())
    if (const auto *FD = dyn_cast<FunctionDecl>(D))
      if (FD->doesThisDeclarationHaveABody())
        Fns.push_back(FD);

  // Two rounds: the first finds the module's own getter wrappers
  // (strong_try_module_get-style), the second uses them.
  std::map<const FunctionDecl *, Summary> Sums;
  for (int Round = 0; Round < 2; ++Round) {
    std::map<const FunctionDecl *, Summary> Found;
    std::vector<std::pair<const FunctionDecl *, RefEvents>> Result;
    for (const FunctionDecl *FD : Fns) {
      if (!relevant(FD->getBody(), K, AC.kb(), Sums))
        continue;
      RefEvents Ev;
      Summary Sum;
      FunctionAnalysis FA(AC, K, Sums, FD);
      if (!FA.run(Ev, Sum))
        continue;
      if (Sum.IsGetter || Sum.IsPutter)
        Found[FD->getCanonicalDecl()] = Sum;
      const SourceManager &SM = AC.sm();
      auto Before = [&](SourceLocation A, SourceLocation B) {
        return SM.isBeforeInTranslationUnit(SM.getFileLoc(A), SM.getFileLoc(B));
      };
      std::sort(Ev.UnguardedCalls.begin(), Ev.UnguardedCalls.end(),
                [&](auto &A, auto &B) { return Before(A.Call->getBeginLoc(), B.Call->getBeginLoc()); });
      std::sort(Ev.UnbalancedPuts.begin(), Ev.UnbalancedPuts.end(),
                [&](auto &A, auto &B) { return Before(A.Put->getBeginLoc(), B.Put->getBeginLoc()); });
      std::sort(Ev.Leaks.begin(), Ev.Leaks.end(),
                [&](auto &A, auto &B) { return Before(A.At, B.At); });
      Result.emplace_back(FD, std::move(Ev));
    }
    if (Round == 1 || Found.empty())
      return Result;
    Sums = std::move(Found);
  }
  return {};
}

} // namespace modsafe

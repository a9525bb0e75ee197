// missing-quiescence (Phillips' noncounting modules, Owens' sync point): the
// module's exit unpublishes an entry point that callers enter without a
// module reference — sets an RCU-published hook to NULL, unlinks an entry
// holding callbacks with list_del_rcu(), or calls an unregister the
// knowledge base knows does not wait (`unpublish`) — and then, before any
// wait for the readers (`quiescence`: synchronize_rcu(), synchronize_net(),
// synchronize_srcu() …):
//
// * frees memory those readers may still use: the unlinked entry itself, the
//   old value of the hook, or a global object the published functions read;
// * or returns, when the readers are of a flavour the module loader does not
//   wait for itself (`loader_quiescence`: Linux 6.1's free_module() calls
//   synchronize_rcu() before it frees the module's text, so plain RCU readers
//   are covered there, but SRCU readers — rcuidle tracepoints — are not).
//
// The way out is the exit function and the functions of this TU it calls, in
// source order: the statements after the unpublishing one, then those after
// each call on the chain back to the exit. A wait anywhere after it counts,
// on whatever branch (the check is lenient there, not path-sensitive), and a
// call this TU cannot see into that belongs to the module counts as one.
// docs/checks/missing-quiescence.md explains the rule and the fix.
#include "../Analysis.h"
#include "../CallbackTypes.h"
#include "../KernelExpr.h"

#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Lex/Lexer.h"

#include <map>
#include <set>

using namespace clang;

namespace modsafe {
namespace {

struct UnpublishSpec {
  int Target = -1, Value = -1;
  std::set<std::string> Readers;
  bool Macro = false;
  std::string Why;
};

/// A pointer through which callers enter code: a function pointer, or a
/// pointer to a structure holding callbacks.
bool entryPointer(QualType T) {
  return !T.isNull() && callbackType(T);
}

/// The variable an access path starts from (`a` of `&a->b[i].c`).
const VarDecl *rootVar(const Expr *E) {
  E = stripCasts(E);
  while (const auto *U = dyn_cast_or_null<UnaryOperator>(E)) {
    if (U->getOpcode() != UO_AddrOf)
      break;
    E = stripCasts(U->getSubExpr());
  }
  bool ThroughPointer = false;
  const VarDecl *V = rootOf(E, ThroughPointer);
  return V ? V->getCanonicalDecl() : nullptr;
}

struct Event {
  enum Kind { Unpublish, Wait, Free, Call } K = Call;
  unsigned Offset = 0; // expansion offset in the file, for source order
  SourceLocation Loc;
  SourceLocation Written;   // where its text is (a kernel macro's body for a
                            // call a header's macro or inline makes)
  std::string Name;         // the call or macro as written
  std::set<std::string> Flavours; // Wait: what it waits for; Unpublish: readers
  const VarDecl *Root = nullptr;  // Free: the object freed; Unpublish: the target's root
  const Expr *Target = nullptr;   // Unpublish
  std::string TargetText, Key;    // Unpublish
  bool Entry = false;             // Unpublish: an entry unlinked from a list
  bool Statement = false;         // Free: a statement of a block of its own
  std::set<const FunctionDecl *> Hooks; // Unpublish: functions known behind it
  const FunctionDecl *Callee = nullptr; // Call: a function of this TU
  bool Opaque = false;                  // Call: a module function we cannot see
  const Stmt *S = nullptr;
  const Expr *Value = nullptr;          // Unpublish by macro: the value stored
};

/// How the way out reaches a function: the caller and the call.
struct CallSite {
  const FunctionDecl *Caller = nullptr;
  unsigned Offset = 0;
  SourceLocation Loc, Written;
};

class MissingQuiescenceCheck : public Check {
public:
  MissingQuiescenceCheck() : Check("missing-quiescence") {}
  void run(AnalysisContext &AC) override;

private:
  AnalysisContext *AC = nullptr;
  std::map<std::string, UnpublishSpec> UnpubFns, UnpubMacros;
  std::map<std::string, std::set<std::string>> WaitFns, WaitMacros;
  std::map<std::string, unsigned> Frees;
  std::set<std::string> LoaderWaits;

  std::map<const FunctionDecl *, std::vector<Event>> Events;
  /// Locals assigned (or initialized) from an expression, by its text.
  std::map<const FunctionDecl *, std::vector<std::pair<const VarDecl *, std::string>>> LocalFrom;
  /// Publications with a value: hook key -> functions published there.
  std::map<std::string, std::set<const FunctionDecl *>> Published;
  std::map<const FunctionDecl *, std::set<std::string>> WaitMemo;
  std::map<const FunctionDecl *, std::set<const VarDecl *>> FreeMemo, ReadMemo;

  template <class M>
  const typename M::mapped_type *find(const M &Map, const std::string &N) const {
    auto It = Map.find(N);
    if (It == Map.end())
      It = Map.find(AC->kb().canonical(N));
    return It == Map.end() ? nullptr : &It->second;
  }

  unsigned offset(SourceLocation L) const {
    return AC->sm().getFileOffset(AC->sm().getExpansionLoc(L));
  }

  void loadRules();
  std::string indentOf(SourceLocation L) const;
  /// What the file shows for E, macro calls as written, without whitespace.
  std::string writtenText(const Expr *E) const {
    const SourceManager &SM = AC->sm();
    CharSourceRange R = SM.getExpansionRange(E->getSourceRange());
    llvm::StringRef T = Lexer::getSourceText(R, SM, AC->langOpts());
    std::string Out;
    for (char C : T)
      if (!isspace((unsigned char)C))
        Out += C;
    return Out;
  }
  void scanFunction(const FunctionDecl *FD);
  std::set<const FunctionDecl *> functionsIn(const Expr *E) const;
  const std::set<std::string> &waitsOf(const FunctionDecl *FD);
  const std::set<const VarDecl *> &freesOf(const FunctionDecl *FD);
  const std::set<const VarDecl *> &readsOf(const FunctionDecl *FD);
  void check(const Event &U, const FunctionDecl *In,
             const std::map<const FunctionDecl *, CallSite> &Parent);
};

void MissingQuiescenceCheck::loadRules() {
  const KnowledgeBase &KB = AC->kb();
  UnpubFns.clear();
  UnpubMacros.clear();
  WaitFns.clear();
  WaitMacros.clear();
  Frees.clear();
  LoaderWaits.clear();
  for (const nlohmann::json &E : KB.section("unpublish")) {
    UnpublishSpec S;
    S.Target = E.value("target_arg", -1);
    S.Value = E.value("value_arg", -1);
    for (const auto &R : E["readers"])
      S.Readers.insert(R.get<std::string>());
    S.Why = E.value("why", "");
    if (E.contains("macro")) {
      S.Macro = true;
      UnpubMacros[E["macro"].get<std::string>()] = S;
    } else {
      UnpubFns[E["function"].get<std::string>()] = S;
    }
  }
  for (const nlohmann::json &E : KB.section("quiescence")) {
    std::set<std::string> W;
    for (const auto &F : E["waits_for"])
      W.insert(F.get<std::string>());
    if (E.contains("macro"))
      WaitMacros[E["macro"].get<std::string>()] = W;
    else
      WaitFns[E["function"].get<std::string>()] = W;
  }
  for (const nlohmann::json &E : KB.section("frees"))
    Frees[E["function"].get<std::string>()] = E.value("arg", 0u);
  for (const nlohmann::json &E : KB.section("loader_quiescence"))
    LoaderWaits.insert(E["waits_for"].get<std::string>());
}

/// Functions E hands over: a function, or a static object whose initializer
/// names functions (an ops structure).
std::set<const FunctionDecl *> MissingQuiescenceCheck::functionsIn(const Expr *E) const {
  std::set<const FunctionDecl *> Out;
  if (const FunctionDecl *F = definitionOf(referencedFunction(E))) {
    Out.insert(F);
    return Out;
  }
  std::function<void(const Stmt *)> Names = [&](const Stmt *S) {
    if (!S)
      return;
    if (const auto *D = dyn_cast<DeclRefExpr>(S))
      if (const auto *F = dyn_cast<FunctionDecl>(D->getDecl()))
        if (const FunctionDecl *Def = definitionOf(F))
          Out.insert(Def);
    for (const Stmt *C : S->children())
      Names(C);
  };
  for (const VarDecl *V : handedObjects(E))
    if (const VarDecl *Def = V->getDefinition())
      Names(Def->getInit());
  if (const VarDecl *R = rootVar(E))
    if (R->hasGlobalStorage())
      if (const VarDecl *Def = R->getDefinition())
        Names(Def->getInit());
  return Out;
}

class EventVisitor : public RecursiveASTVisitor<EventVisitor> {
public:
  using Fn = std::function<void(const Stmt *)>;
  explicit EventVisitor(Fn F) : F(std::move(F)) {}
  bool shouldVisitImplicitCode() const { return false; }
  bool VisitStmt(Stmt *S) {
    F(S);
    return true;
  }
  bool VisitDecl(Decl *D) {
    if (const auto *V = dyn_cast<VarDecl>(D))
      if (const Expr *I = V->getInit())
        Inits.push_back({V, I});
    return true;
  }
  std::vector<std::pair<const VarDecl *, const Expr *>> Inits;

private:
  Fn F;
};

void MissingQuiescenceCheck::scanFunction(const FunctionDecl *FD) {
  if (Events.count(FD))
    return;
  std::vector<Event> &Out = Events[FD];
  const SourceManager &SM = AC->sm();
  const LangOptions &LO = AC->langOpts();
  // Macro uses (RCU_INIT_POINTER, synchronize_rcu_mult) by expansion, once.
  std::map<unsigned, Event *> MacroUse;
  std::map<unsigned, std::pair<std::string, std::string>> MacroArgs;
  std::map<unsigned, size_t> PendingAt;
  std::vector<Event> Pending;
  std::set<const Stmt *> TopLevel; // statements of a block, not of an if/loop

  auto OnStmt = [&](const Stmt *S) {
    if (const auto *CS = dyn_cast<CompoundStmt>(S))
      for (const Stmt *C : CS->body())
        TopLevel.insert(C);
    SourceLocation B = S->getBeginLoc();
    if (B.isMacroID()) {
      std::vector<std::string> Ms = macroStack(B, SM, LO);
      if (!Ms.empty()) {
        const std::string &Outer = Ms.back();
        unsigned Off = offset(B);
        if (const UnpublishSpec *U = find(UnpubMacros, Outer)) {
          auto It = MacroArgs.find(Off);
          if (It == MacroArgs.end()) {
            It = MacroArgs
                     .insert({Off, {macroArgText(B, unsigned(U->Target), SM, LO),
                                    macroArgText(B, unsigned(U->Value), SM, LO)}})
                     .first;
            Event E;
            E.K = Event::Unpublish;
            E.Offset = Off;
            E.Loc = SM.getExpansionLoc(B);
            E.Name = Outer;
            E.Flavours = U->Readers;
            E.TargetText = It->second.first;
            PendingAt[Off] = Pending.size();
            Pending.push_back(E);
          }
          Event &E = Pending[PendingAt[Off]];
          const auto *X = dyn_cast<Expr>(S);
          if (X && !E.Target && !E.TargetText.empty() &&
              spelledText(X, SM, LO) == E.TargetText)
            E.Target = X;
          if (X && !E.Value && !It->second.second.empty() &&
              spelledText(X, SM, LO) == It->second.second)
            E.Value = X;
        } else if (const auto *W = find(WaitMacros, Outer)) {
          if (!MacroUse.count(Off)) {
            Event E;
            E.K = Event::Wait;
            E.Offset = Off;
            E.Loc = SM.getExpansionLoc(B);
            E.Name = Outer;
            E.Flavours = *W;
            Out.push_back(E);
            MacroUse[Off] = nullptr;
          }
        }
      }
    }
    if (const auto *BO = dyn_cast<BinaryOperator>(S))
      if (BO->getOpcode() == BO_Assign)
        if (const auto *D = dyn_cast<DeclRefExpr>(stripCasts(BO->getLHS())))
          if (const auto *V = dyn_cast<VarDecl>(D->getDecl()))
            if (!V->hasGlobalStorage())
              LocalFrom[FD].push_back({V->getCanonicalDecl(), writtenText(BO->getRHS())});
    const auto *CE = dyn_cast<CallExpr>(S);
    if (!CE)
      return;
    const FunctionDecl *Callee = CE->getDirectCallee();
    Event E;
            E.K = Event::Call;
    E.Offset = offset(CE->getBeginLoc());
    E.Loc = SM.getExpansionLoc(CE->getBeginLoc());
    E.Written = SM.getSpellingLoc(CE->getBeginLoc());
    E.S = CE;
    if (!Callee || !Callee->getIdentifier()) {
      // Through a pointer: whatever it calls is not the module's exit path
      // as far as this check can tell.
      return;
    }
    std::string N = Callee->getName().str();
    E.Name = N;
    if (const auto *W = find(WaitFns, N)) {
      E.K = Event::Wait;
      E.Flavours = *W;
      Out.push_back(E);
      return;
    }
    if (const unsigned *A = find(Frees, N)) {
      if (*A < CE->getNumArgs()) {
        E.K = Event::Free;
        E.Root = rootVar(CE->getArg(*A));
        E.Statement = TopLevel.count(CE) != 0; // a fix-it may go before it
        if (E.Root)
          Out.push_back(E);
      }
      return;
    }
    if (const UnpublishSpec *U = find(UnpubFns, N)) {
      E.K = Event::Unpublish;
      E.Flavours = U->Readers;
      if (U->Target >= 0 && unsigned(U->Target) < CE->getNumArgs()) {
        const Expr *T = CE->getArg(unsigned(U->Target));
        E.Target = T;
        E.TargetText = spelledText(T, SM, LO);
        E.Root = rootVar(T);
        E.Hooks = functionsIn(T);
        // list_del_rcu(&h->node): an entry point only when the entry holds
        // callbacks; the entry is h.
        if (N.find("del") != std::string::npos && N.find("list") != std::string::npos) {
          const Expr *X = stripCasts(T);
          if (const auto *UO = dyn_cast<UnaryOperator>(X))
            X = stripCasts(UO->getSubExpr());
          const auto *M = dyn_cast<MemberExpr>(X);
          QualType BT = M ? M->getBase()->getType() : QualType();
          if (M && M->isArrow() && !BT.isNull())
            BT = BT->getPointeeType();
          if (BT.isNull() || !holdsCallbacks(BT->getAsRecordDecl()))
            return;
          E.Entry = true;
        }
      }
      Out.push_back(E);
      return;
    }
    if (const FunctionDecl *Def = definitionOf(Callee)) {
      E.Callee = Def;
      Out.push_back(E);
    } else if (AC->isModuleFunction(Callee)) {
      E.Opaque = true; // another file of the module: it may wait
      Out.push_back(E);
    }
  };
  EventVisitor V(OnStmt);
  V.TraverseStmt(FD->getBody());
  for (const auto &[Var, Init] : V.Inits)
    if (!Var->hasGlobalStorage())
      LocalFrom[FD].push_back({Var->getCanonicalDecl(), writtenText(Init)});

  // Classify the macro uses: a NULL value unpublishes; any other publishes.
  for (Event &E : Pending) {
    const Expr *Val = E.Value;
    if (!E.Target || !entryPointer(E.Target->getType()))
      continue;
    E.Key = objectKey(E.Target);
    E.Root = rootVar(E.Target);
    std::string VT = MacroArgs[E.Offset].second;
    bool Null = VT == "NULL" || VT == "0" || VT == "(void*)0" ||
                (Val && Val->isNullPointerConstant(AC->ast(),
                                                   Expr::NPC_ValueDependentIsNotNull));
    if (!Null) {
      if (Val && !E.Key.empty())
        for (const FunctionDecl *F : functionsIn(Val))
          Published[E.Key].insert(F);
      continue;
    }
    Out.push_back(E);
  }
  std::stable_sort(Out.begin(), Out.end(),
                   [](const Event &A, const Event &B) { return A.Offset < B.Offset; });
}

const std::set<std::string> &MissingQuiescenceCheck::waitsOf(const FunctionDecl *FD) {
  auto It = WaitMemo.find(FD);
  if (It != WaitMemo.end())
    return It->second;
  std::set<std::string> &W = WaitMemo[FD]; // empty while in progress
  scanFunction(FD);
  std::set<std::string> Acc;
  for (const Event &E : Events[FD]) {
    if (E.K == Event::Wait)
      Acc.insert(E.Flavours.begin(), E.Flavours.end());
    else if (E.K == Event::Call && E.Opaque)
      Acc.insert("*");
    else if (E.K == Event::Call && E.Callee && E.Callee != FD) {
      const std::set<std::string> &C = waitsOf(E.Callee);
      Acc.insert(C.begin(), C.end());
    }
  }
  W = Acc;
  return WaitMemo[FD];
}

const std::set<const VarDecl *> &MissingQuiescenceCheck::freesOf(const FunctionDecl *FD) {
  auto It = FreeMemo.find(FD);
  if (It != FreeMemo.end())
    return It->second;
  FreeMemo[FD];
  scanFunction(FD);
  std::set<const VarDecl *> Acc;
  for (const Event &E : Events[FD]) {
    if (E.K == Event::Free && E.Root && E.Root->hasGlobalStorage())
      Acc.insert(E.Root);
    else if (E.K == Event::Call && E.Callee && E.Callee != FD) {
      const auto &C = freesOf(E.Callee);
      Acc.insert(C.begin(), C.end());
    }
  }
  FreeMemo[FD] = Acc;
  return FreeMemo[FD];
}

/// Global objects FD and the functions of this TU it calls refer to.
const std::set<const VarDecl *> &MissingQuiescenceCheck::readsOf(const FunctionDecl *FD) {
  auto It = ReadMemo.find(FD);
  if (It != ReadMemo.end())
    return It->second;
  ReadMemo[FD];
  std::set<const VarDecl *> Acc;
  std::vector<const FunctionDecl *> Calls;
  std::function<void(const Stmt *)> Walk = [&](const Stmt *S) {
    if (!S)
      return;
    if (const auto *D = dyn_cast<DeclRefExpr>(S)) {
      if (const auto *V = dyn_cast<VarDecl>(D->getDecl()))
        if (V->hasGlobalStorage())
          Acc.insert(V->getCanonicalDecl());
      if (const auto *F = dyn_cast<FunctionDecl>(D->getDecl()))
        if (const FunctionDecl *Def = definitionOf(F))
          Calls.push_back(Def);
    }
    for (const Stmt *C : S->children())
      Walk(C);
  };
  Walk(FD->getBody());
  for (const FunctionDecl *C : Calls)
    if (C != FD) {
      const auto &R = readsOf(C);
      Acc.insert(R.begin(), R.end());
    }
  ReadMemo[FD] = Acc;
  return ReadMemo[FD];
}

/// Whether Text mentions Name as a whole (`hook`, not `hook2`).
bool mentions(const std::string &Text, const std::string &Name) {
  auto Ident = [](char C) { return isalnum((unsigned char)C) || C == '_'; };
  for (size_t P = Text.find(Name); P != std::string::npos; P = Text.find(Name, P + 1)) {
    size_t E = P + Name.size();
    if ((P == 0 || !Ident(Text[P - 1]) || !Ident(Name.front())) &&
        (E >= Text.size() || !Ident(Text[E]) || !Ident(Name.back())))
      return true;
  }
  return false;
}

/// The whitespace that starts L's line, for a statement inserted before it.
std::string MissingQuiescenceCheck::indentOf(SourceLocation L) const {
  const SourceManager &SM = AC->sm();
  std::pair<FileID, unsigned> D = SM.getDecomposedLoc(L);
  bool Bad = false;
  llvm::StringRef Buf = SM.getBufferData(D.first, &Bad);
  if (Bad)
    return "\t";
  size_t Start = Buf.rfind('\n', D.second);
  Start = Start == llvm::StringRef::npos ? 0 : Start + 1;
  size_t End = Start;
  while (End < D.second && (Buf[End] == ' ' || Buf[End] == '\t'))
    ++End;
  return Buf.substr(Start, End - Start).str();
}

std::string flavourText(const std::set<std::string> &F) {
  std::string Out;
  for (const std::string &X : F)
    Out += (Out.empty() ? "" : ", ") + X;
  return Out;
}

std::string waitFor(const std::set<std::string> &F) {
  if (F.count("srcu") && F.count("rcu"))
    return "synchronize_rcu() and synchronize_srcu() (tracepoint_synchronize_unregister() for tracepoint probes)";
  if (F.count("srcu"))
    return "synchronize_srcu() on the srcu_struct its readers use";
  return "synchronize_rcu() (synchronize_net() in networking code)";
}

void MissingQuiescenceCheck::check(
    const Event &U, const FunctionDecl *In,
    const std::map<const FunctionDecl *, CallSite> &Parent) {
  // What readers of the unpublished entry point may still touch.
  std::set<const FunctionDecl *> Hooks = U.Hooks;
  if (!U.Key.empty())
    if (auto It = Published.find(U.Key); It != Published.end())
      Hooks.insert(It->second.begin(), It->second.end());
  std::set<const VarDecl *> Reach;
  for (const FunctionDecl *H : Hooks) {
    const auto &R = readsOf(H);
    Reach.insert(R.begin(), R.end());
  }
  std::set<const VarDecl *> Entry; // the entry itself or the hook's old value
  if (U.Entry && U.Root)
    Entry.insert(U.Root);
  if (!U.TargetText.empty())
    for (const auto &[V, Text] : LocalFrom[In])
      if (mentions(Text, U.TargetText))
        Entry.insert(V);

  std::set<std::string> Covered;
  auto covers = [&]() {
    if (Covered.count("*"))
      return true;
    for (const std::string &R : U.Flavours)
      if (!Covered.count(R))
        return false;
    return true;
  };
  std::string What = U.TargetText.empty() ? "'" + U.Name + "'" : "'" + U.TargetText + "'";
  Finding F;
  F.Check = id();
  F.Loc = U.Loc;
  // Unpublished inside a kernel header's inline (unregister_trace_<name>()):
  // the module's own call to it is where the finding belongs.
  SourceLocation Written = U.Written.isValid() ? U.Written : U.Loc;
  for (const FunctionDecl *G = In; G && !AC->isModuleFile(Written);) {
    auto P = Parent.find(G);
    if (P == Parent.end() || !P->second.Caller)
      break;
    F.Loc = P->second.Loc;
    Written = P->second.Written;
    What = "'" + G->getName().str() + "()'";
    G = P->second.Caller;
  }
  const FunctionDecl *Fn = In;
  unsigned After = U.Offset;
  std::set<const FunctionDecl *> Visited;
  while (Fn && Visited.insert(Fn).second) {
    for (const Event &E : Events[Fn]) {
      if (E.Offset <= After)
        continue;
      if (E.K == Event::Wait) {
        Covered.insert(E.Flavours.begin(), E.Flavours.end());
      } else if (E.K == Event::Call) {
        if (E.Opaque) {
          Covered.insert("*");
        } else if (E.Callee) {
          const auto &W = waitsOf(E.Callee);
          Covered.insert(W.begin(), W.end());
          for (const VarDecl *V : W.empty() ? freesOf(E.Callee) : std::set<const VarDecl *>())
            if (Reach.count(V)) {
              F.Message = What + " is unpublished here, but '" + E.Name +
                          "' frees '" + V->getName().str() +
                          "' before any grace period; callers that entered "
                          "without a module reference may still be using it; "
                          "wait with " + waitFor(U.Flavours) + " first";
              F.Notes.push_back({E.Loc, "'" + V->getName().str() + "' freed in '" +
                                            E.Name + "', with no wait since the unpublish"});
              break;
            }
        }
      } else if (E.K == Event::Free && E.Root &&
                 (Entry.count(E.Root) || Reach.count(E.Root))) {
        std::string Obj = E.Root->getName().str();
        F.Message = What + " is unpublished here, but '" + Obj + "' is freed before any " +
                    "grace period; callers that entered without a module reference may " +
                    "still be using it; wait with " + waitFor(U.Flavours) +
                    " before the free (or free it with kfree_rcu())";
        F.Notes.push_back({E.Loc, "'" + Obj + "' freed here (" + E.Name +
                                      "), with no wait since the unpublish"});
        if (Fn == In && E.Statement && U.Flavours == std::set<std::string>{"rcu"})
          F.Fixits.push_back(FixItHint::CreateInsertion(
              E.Loc, "synchronize_rcu();\n" + indentOf(E.Loc)));
      }
      if (!F.Message.empty() || covers())
        break;
    }
    if (!F.Message.empty() || covers())
      break;
    auto P = Parent.find(Fn);
    if (P == Parent.end() || !P->second.Caller)
      break;
    After = P->second.Offset;
    Fn = P->second.Caller;
  }
  if (F.Message.empty() && !covers()) {
    std::set<std::string> Open;
    for (const std::string &R : U.Flavours)
      if (!Covered.count(R) && !LoaderWaits.count(R))
        Open.insert(R);
    if (Open.empty())
      return;
    F.Message = What + " is unpublished here, but the module's exit returns without "
                "waiting for its " + flavourText(Open) + " readers, and the module "
                "loader does not wait for those before freeing the module's code; "
                "call " + waitFor(U.Flavours) + " before the exit returns";
  }
  if (F.Message.empty())
    return;
  for (const FunctionDecl *H : Hooks) {
    if (F.Notes.size() >= 4)
      break;
    F.Notes.push_back({H->getLocation(), "'" + H->getName().str() +
                                             "' is entered through it without a module reference"});
  }
  AC->reporter().report(std::move(F));
}

void MissingQuiescenceCheck::run(AnalysisContext &Ctx) {
  AC = &Ctx;
  Events.clear();
  LocalFrom.clear();
  Published.clear();
  WaitMemo.clear();
  FreeMemo.clear();
  ReadMemo.clear();
  const ModuleModel &M = Ctx.module();
  if (!M.IsModule || !M.Exit || !M.Exit->hasBody())
    return;
  loadRules();
  // Publications anywhere in the module: which functions sit behind a hook.
  for (const Decl *D : Ctx.ownDecls())
    if (const auto *FD = dyn_cast<FunctionDecl>(D))
      if (FD->doesThisDeclarationHaveABody())
        scanFunction(FD);
  // The way out: the exit and what it calls, each with the call that
  // reaches it first (caller and offset of the call).
  const FunctionDecl *Exit = definitionOf(M.Exit);
  std::map<const FunctionDecl *, CallSite> Parent;
  Parent[Exit] = {};
  std::vector<const FunctionDecl *> Order{Exit};
  for (size_t I = 0; I < Order.size(); ++I) {
    const FunctionDecl *F = Order[I];
    scanFunction(F);
    for (const Event &E : Events[F])
      if (E.K == Event::Call && E.Callee && !Parent.count(E.Callee)) {
        Parent[E.Callee] = {F, E.Offset, E.Loc, E.Written};
        Order.push_back(E.Callee);
      }
  }
  std::set<unsigned> Done;
  for (const FunctionDecl *F : Order)
    for (const Event &E : Events[F])
      if (E.K == Event::Unpublish && Done.insert(E.Offset).second)
        check(E, F, Parent);
}

} // namespace

std::unique_ptr<Check> createMissingQuiescenceCheck() {
  return std::make_unique<MissingQuiescenceCheck>();
}

} // namespace modsafe

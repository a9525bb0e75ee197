// missing-teardown (Stern's code that outlives rmmod, Owens' sync point):
// deferred execution the module arms with one of its own functions — a
// timer, hrtimer, work item, tasklet, kernel thread, RCU or SRCU callback —
// that nothing on the way out waits for. Unload frees the module's code; a
// callback still pending then runs in freed memory. The teardown must be
// synchronous (del_timer_sync(), hrtimer_cancel(), cancel_work_sync() or
// destroy_workqueue() of the queue it runs on, tasklet_kill(), kthread_stop(),
// rcu_barrier()/srcu_barrier()), apply to the same object, and be reached from
// the module's exit or the teardown half of a lifecycle the module defines
// (remove, disconnect, release, ndo_stop …) or a devm action.
//
// Reported only for a module compiled as one (-DMODULE) that can be unloaded
// (it has a module_exit) and whose whole source is this translation unit
// (KBUILD_MODNAME == KBUILD_BASENAME): in a module of several files the
// teardown may be in another one.
#include "../Analysis.h"
#include "../KernelExpr.h"
#include "../Wording.h"

#include <cstdint>

using namespace clang;

namespace modsafe {
namespace {

struct KindText {
  std::string Name, Teardown;
};

KindText kindText(const std::string &K) {
  return {deferredKindName(K), teardownHint(K)};
}

class MissingTeardownCheck : public Check {
public:
  MissingTeardownCheck() : Check("missing-teardown") {}

  void run(AnalysisContext &AC) override {
    const ModuleModel &M = AC.module();
    if (!M.IsModule)
      return;
    UnloadAnalysis &U = AC.unload();
    if (!U.wholeModule() || !U.unloadable())
      return;
    std::set<std::pair<unsigned, std::string>> Done;
    for (const Arming &A : U.armings()) {
      if (A.DeviceManaged || A.LocalObject || !A.Callback ||
          !AC.isModuleFunction(A.Callback))
        continue;
      if (A.Kind == "kthread" && U.threadPinsItself(A.Callback))
        continue;
      if (!started(U, A))
        continue;
      // Runs only on the way to a restart or panic: nothing unloads after.
      if (U.endsSystem(A.Callback))
        continue;
      // Stopped by a completion handshake, and what runs of it after
      // complete() is covered by the loader's grace period.
      if (U.handshakeStops(A))
        continue;
      const DeferredCall *Other = nullptr, *Unreached = nullptr;
      if (tornDown(U, A, Other, Unreached))
        continue;
      if (!Done.insert({A.Loc.getRawEncoding(), A.Key}).second)
        continue;
      KindText KT = kindText(A.Kind);
      std::string Obj = A.Text.empty() ? "" : " '" + A.Text + "'";
      std::string Cb = A.Callback->getName().str();
      Finding F;
      F.Check = id();
      F.Loc = A.Loc;
      F.Message = KT.Name + Obj + " armed with '" + Cb + "' (" + A.Via +
                  ") is not torn down synchronously before the module can be "
                  "unloaded: '" + Cb + "' may run after the module's code is freed; "
                  "call " + KT.Teardown + " on the exit or remove path (Stern, Owens)";
      const std::vector<TeardownRoot> &Roots = U.roots();
      for (size_t I = 0; I < Roots.size() && I < 3; ++I)
        F.Notes.push_back({Roots[I].FD->getLocation(),
                           Roots[I].Why + " and the functions it calls do not wait for it"});
      if (Other)
        F.Notes.push_back({Other->Loc, "'" + Other->Name +
                                           "' here tears down a different " +
                                           KT.Name});
      if (Unreached)
        F.Notes.push_back({Unreached->Loc,
                           "'" + Unreached->Name + "' here is not reached from the exit "
                           "or a remove/release path"});
      handshakeNote(U, A, F);
      AC.reporter().report(std::move(F));
    }
    checkBarrierOrder(AC, U);
  }

private:
  /// Calls in the order a teardown root makes them, with the module's own
  /// callees inlined at their call (arguments first, then the call).
  static void ordered(AnalysisContext &AC, const Stmt *S, std::vector<const CallExpr *> &Out,
                      std::set<const FunctionDecl *> &Stack) {
    if (!S)
      return;
    for (const Stmt *C : S->children())
      ordered(AC, C, Out, Stack);
    const auto *CE = dyn_cast<CallExpr>(S);
    if (!CE)
      return;
    Out.push_back(CE);
    const FunctionDecl *Callee = definitionOf(CE->getDirectCallee());
    if (Callee && Callee->hasBody() && AC.isModuleFunction(Callee) && Stack.size() < 16 &&
        Stack.insert(Callee).second) {
      ordered(AC, Callee->getBody(), Out, Stack);
      Stack.erase(Callee);
    }
  }

  static bool tears(UnloadAnalysis &U, const DeferredCall &T, const Arming &A) {
    if (T.Kind == A.Kind)
      return UnloadAnalysis::sameObject(T.Key, A.Key);
    if (T.Kind == "workqueue" && A.Kind == "work")
      for (const DeferredCall &S : U.starts())
        if (S.Kind == "work" && UnloadAnalysis::sameObject(S.Key, A.Key) &&
            UnloadAnalysis::sameObject(S.Workqueue, T.Key))
          return true;
    return false;
  }

  /// Owens' order: rcu_barrier() waits for the RCU callbacks queued so far;
  /// a timer, work item or thread that still runs after it can queue more.
  /// The barrier must come after the teardown of everything that posts.
  void checkBarrierOrder(AnalysisContext &AC, UnloadAnalysis &U) {
    for (const Arming &R : U.armings()) {
      if ((R.Kind != "rcu" && R.Kind != "srcu") || !R.In || !R.Callback ||
          !AC.isModuleFunction(R.Callback))
        continue;
      for (const Arming &D : U.armings()) {
        if (&D == &R || D.Kind == "rcu" || D.Kind == "srcu" || !D.Callback ||
            D.DeviceManaged || D.LocalObject || !U.calledFrom(R.In, D.Callback))
          continue;
        for (const TeardownRoot &Root : U.roots()) {
          std::vector<const CallExpr *> Seq;
          std::set<const FunctionDecl *> Stack{definitionOf(Root.FD)};
          ordered(AC, Root.FD->getBody(), Seq, Stack);
          std::map<const CallExpr *, size_t> Pos;
          for (size_t I = 0; I < Seq.size(); ++I)
            Pos.emplace(Seq[I], I);
          const DeferredCall *LastBarrier = nullptr, *FirstStop = nullptr;
          size_t LB = 0, FS = SIZE_MAX;
          for (const DeferredCall &T : U.teardowns()) {
            auto It = Pos.find(T.CE);
            if (It == Pos.end())
              continue;
            if (T.Kind == R.Kind && UnloadAnalysis::sameObject(T.Key, R.Key)) {
              if (!LastBarrier || It->second >= LB)
                LastBarrier = &T, LB = It->second;
            } else if (tears(U, T, D) && It->second < FS) {
              FirstStop = &T, FS = It->second;
            }
          }
          if (!LastBarrier || !FirstStop || LB > FS)
            continue;
          std::string Cb = D.Callback->getName().str();
          std::string Obj = D.Text.empty() ? "" : " '" + D.Text + "'";
          Finding F;
          F.Check = id();
          F.Loc = R.Loc;
          F.Message = kindText(R.Kind).Name + " '" +
                      R.Callback->getName().str() + "' posted by " +
                      kindText(D.Kind).Name + Obj + " is waited for by '" +
                      LastBarrier->Name + "' before that " + kindText(D.Kind).Name +
                      " is stopped: '" + Cb + "' can post another after the barrier; "
                      "stop it first, then call '" + LastBarrier->Name + "' (Owens)";
          F.Notes.push_back({LastBarrier->Loc, "'" + LastBarrier->Name + "' here, in " +
                                                   Root.Why});
          F.Notes.push_back({FirstStop->Loc, "'" + FirstStop->Name + "' stops " +
                                                 kindText(D.Kind).Name + Obj +
                                                 " only here, after the barrier"});
          AC.reporter().report(std::move(F));
          break;
        }
      }
    }
  }

  /// A timer, hrtimer, work item or tasklet runs only once something starts
  /// it; one this file never starts is someone else's to stop.
  static bool started(UnloadAnalysis &U, const Arming &A) {
    if (A.Kind != "timer" && A.Kind != "hrtimer" && A.Kind != "work" &&
        A.Kind != "tasklet")
      return true;
    for (const DeferredCall &S : U.starts())
      if (S.Kind == A.Kind && UnloadAnalysis::sameObject(S.Key, A.Key))
        return true;
    return false;
  }

  /// A teardown path that waits on a completion the callback signals
  /// (`complete(&stop)` when told to stop) waits only until complete() is
  /// called: the callback then still returns through the module's code.
  static void handshakeNote(UnloadAnalysis &U, const Arming &A, Finding &F) {
    const DeferredCall *S = nullptr;
    const DeferredCall *W = U.handshakeWait(A, &S);
    if (!W)
      return;
    std::string Cb = A.Callback->getName().str();
    F.Notes.push_back(
        {W->Loc, "'" + W->Name + "' here returns once '" + Cb + "' has called '" +
                     S->Name + "', while '" + Cb + "' is still running module code" +
                     (A.Kind == "kthread"
                          ? "; end the thread with kthread_complete_and_exit()"
                          : "; a completion does not replace the synchronous teardown")});
    F.Notes.push_back({S->Loc, "'" + Cb + "' signals the completion here"});
  }

  static bool tornDown(UnloadAnalysis &U, const Arming &A, const DeferredCall *&Other,
                       const DeferredCall *&Unreached) {
    for (const DeferredCall &T : U.teardowns()) {
      bool Match = false;
      if (T.Kind == A.Kind) {
        Match = UnloadAnalysis::sameObject(T.Key, A.Key);
      } else if (T.Kind == "workqueue" && A.Kind == "work") {
        // destroy_workqueue()/flush_workqueue() of a queue it is queued on.
        for (const DeferredCall &S : U.starts())
          if (S.Kind == "work" && UnloadAnalysis::sameObject(S.Key, A.Key) &&
              UnloadAnalysis::sameObject(S.Workqueue, T.Key))
            Match = true;
      }
      if (!Match) {
        if (T.Kind == A.Kind && !Other)
          Other = &T;
        continue;
      }
      if (U.reachedFrom(T.In))
        return true;
      // Armed and torn down by the same function, or by one thread (a
      // thread that sets up its own timer and stops it as it ends), unless
      // that is init or a probe/open, whose own teardown is elsewhere.
      if (U.tornDownByItsOwner(A, T))
        return true;
      if (!Unreached)
        Unreached = &T;
    }
    return false;
  }
};

} // namespace

std::unique_ptr<Check> createMissingTeardownCheck() {
  return std::make_unique<MissingTeardownCheck>();
}

} // namespace modsafe

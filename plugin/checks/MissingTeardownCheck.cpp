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

using namespace clang;

namespace modsafe {
namespace {

struct KindText {
  const char *Name, *Teardown;
};

KindText kindText(const std::string &K) {
  if (K == "timer")
    return {"timer", "del_timer_sync() (timer_shutdown_sync() when it must not be re-armed)"};
  if (K == "hrtimer")
    return {"hrtimer", "hrtimer_cancel()"};
  if (K == "work")
    return {"work item", "cancel_work_sync()/cancel_delayed_work_sync(), or destroy_workqueue() of the workqueue it is queued on"};
  if (K == "tasklet")
    return {"tasklet", "tasklet_kill()"};
  if (K == "kthread")
    return {"kernel thread", "kthread_stop(), or pin the module with __module_get(THIS_MODULE) and end the thread with module_put_and_kthread_exit()"};
  if (K == "rcu")
    return {"RCU callback", "rcu_barrier()"};
  if (K == "srcu")
    return {"SRCU callback", "srcu_barrier()"};
  return {"deferred callback", "a synchronous teardown"};
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
      F.Message = std::string(KT.Name) + Obj + " armed with '" + Cb + "' (" + A.Via +
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
      AC.reporter().report(std::move(F));
    }
  }

private:
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
      // Armed and torn down by the same function (a thread that sets up its
      // own timer and stops it as it ends), unless that is init or a
      // probe/open, whose own teardown is elsewhere.
      if (T.In == A.In && !U.isSetup(A.In))
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

// What a module leaves behind when it goes (Stern's code that outlives
// rmmod, Owens' sync point), shared by the unload checks:
//
// * Armings: deferred execution the module's code hands one of its own
//   functions to (`arming` in the knowledge base: a call such as
//   init_timer_key() behind timer_setup(), or a store into a callback field
//   such as work_struct.func behind INIT_WORK()), with the object armed.
// * Starts and teardowns (`starts`, `teardown`): the calls that make an
//   armed object run, and the synchronous ones that wait for it.
// * Teardown paths: the module's exit, the teardown half of each driver or
//   file lifecycle the module defines (`lifecycles`: probe/remove,
//   open/release …), devm actions, and every function of this TU they call.
//
// "The same object" is told by the field that holds it (struct and member:
// `priv->timer` and `card->priv.timer` are both foo_priv.timer), by the
// variable for a static object, and is "not known" for an object reached
// through a parameter; a not-known object matches any of its kind.
#pragma once

#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/Stmt.h"

#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

namespace modsafe {

class AnalysisContext;

struct Arming {
  const clang::Stmt *S = nullptr;
  clang::SourceLocation Loc;         // where the module's text arms it
  std::string Kind;                  // timer, hrtimer, work, tasklet, kthread, rcu, srcu
  std::string Via;                   // what the module wrote: timer_setup, INIT_WORK …
  std::string Key;                   // the object; "" not known
  std::string Text;                  // the object as spelled, for messages
  const clang::FunctionDecl *Callback = nullptr;
  const clang::FunctionDecl *In = nullptr; // null: a static initializer
  bool DeviceManaged = false;
  bool LocalObject = false;          // an object of the arming function's frame
};

/// A call that starts an armed object, or waits for it.
struct DeferredCall {
  const clang::CallExpr *CE = nullptr;
  clang::SourceLocation Loc;
  std::string Kind, Name;
  std::string Key;        // the object; "" not known; "*" every object of the kind
  std::string Workqueue;  // starts: the workqueue's key, if one is named
  const clang::FunctionDecl *In = nullptr;
};

struct TeardownRoot {
  const clang::FunctionDecl *FD;
  std::string Why; // "the module's exit", "'foo_driver.remove'"
};

class UnloadAnalysis {
public:
  explicit UnloadAnalysis(AnalysisContext &AC);
  ~UnloadAnalysis();

  /// Whether this TU is the whole module: kbuild's KBUILD_MODNAME equals
  /// KBUILD_BASENAME (or neither is defined), or the user said so.
  bool wholeModule();
  /// The module can be unloaded: it has a module_exit, or neither init nor
  /// exit (a library module such as 8250_base; the kernel refuses only a
  /// module with an init and no exit, kernel/module/main.c: delete_module).
  bool unloadable();

  const std::vector<Arming> &armings();
  const std::vector<DeferredCall> &starts();
  const std::vector<DeferredCall> &teardowns();
  const std::vector<TeardownRoot> &roots();
  /// complete()/wait_for_completion() calls (`handshakes`: Kind is "signal"
  /// or "wait", Key the completion).
  const std::vector<DeferredCall> &handshakes();
  /// Whether the teardown T stops A within the deferred execution that
  /// armed it: the same function (not init, a probe or an open), or two
  /// functions the same kernel thread runs — a thread that sets up its own
  /// timer and stops it as it ends.
  bool tornDownByItsOwner(const Arming &A, const DeferredCall &T);
  /// The wait on the way out on a completion A's callback signals (a stop
  /// handshake: `queue = 0; wait_for_completion(&stop)`), or null.
  const DeferredCall *handshakeWait(const Arming &A, const DeferredCall **Signal = nullptr);
  /// Whether such a handshake stops A for good: its callback runs with
  /// preemption off (timer, hrtimer, tasklet), so the rest of it after
  /// complete() is an RCU reader the loader's own synchronize_rcu() in
  /// free_module() waits for (`loader_quiescence`) before the text goes.
  bool handshakeStops(const Arming &A);
  /// Whether FD is Root or a function of this TU Root calls.
  bool calledFrom(const clang::FunctionDecl *FD, const clang::FunctionDecl *Root);
  /// The root FD is reached from (a root itself, or called from one), or null.
  const TeardownRoot *reachedFrom(const clang::FunctionDecl *FD);
  /// Whether the thread function FD ends by dropping its own count
  /// (module_put_and_kthread_exit()).
  bool threadPinsItself(const clang::FunctionDecl *FD);

  /// Whether every run of the callback FD ends the system (`system_end` in
  /// the knowledge base: kernel_restart(), emergency_restart(), panic() …),
  /// directly or by starting deferred work whose callbacks all do: such a
  /// callback runs only on the way down, never into an unload.
  bool endsSystem(const clang::FunctionDecl *FD);

  /// The module's init or the setup half of a lifecycle (probe, open …).
  bool isSetup(const clang::FunctionDecl *FD);

  /// Whether two object keys may name the same object.
  static bool sameObject(const std::string &A, const std::string &B);

private:
  struct Impl;
  std::unique_ptr<Impl> P;
};

} // namespace modsafe

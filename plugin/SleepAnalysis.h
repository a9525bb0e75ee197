// May-sleep analysis (Exception #1, Phillips' noncounting modules, Owens'
// "illegal to sleep while using module code"), shared by sleep-in-callback,
// sleep-in-atomic and sleep-without-count.
//
// * Summaries. A call may sleep when the knowledge base says so (`sleeping`),
//   when it is an allocator whose gfp flags allow direct reclaim
//   (`allocators`, `gfp_flags`), or when it calls a function of this
//   translation unit whose summary may sleep. Summaries are a small lattice —
//   never / only if a gfp parameter allows reclaim / always — solved to a
//   fixpoint over the TU's call graph, so recursion is handled. Each summary
//   keeps a witness, so every finding carries the chain down to the primitive.
// * Atomic regions. A must-analysis over clang's CFG: a region (spinlock,
//   rwlock, RCU read side, preemption or interrupts off, bottom halves off)
//   holds at a statement when it began, and was not ended, on every path
//   there (`atomic_regions`; trylocks hold on their success branch). The
//   guard()/scoped_guard() forms of Linux 6.5+ hold lexically to the end of
//   their scope.
// * Callback contexts. Functions this module hands to interfaces whose
//   callbacks run in a non-sleeping context, or uncounted (`callbacks`, and
//   functions published with rcu_assign_pointer/RCU_INIT_POINTER).
#pragma once

#include "Wording.h"

#include "clang/AST/Decl.h"
#include "clang/AST/Stmt.h"
#include "clang/Basic/SourceLocation.h"

#include <nlohmann/json.hpp>

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace modsafe {

class AnalysisContext;

/// One step of the chain from a call down to the sleeping primitive.
struct SleepStep {
  clang::SourceLocation Loc;
  std::string Message;
};

/// A statement of a function that may sleep whatever its caller passes.
struct SleepSite {
  const clang::Stmt *S = nullptr;
  clang::SourceLocation Loc; // where a finding is reported
  std::string What;          // "'msleep'", "'kmalloc' with these gfp flags"
  std::vector<SleepStep> Chain;
  /// The functions the chain goes through, outermost first.
  std::vector<const clang::FunctionDecl *> Through;
  /// In each of them, the call (or primitive) the chain goes on with.
  std::vector<const clang::Stmt *> ThroughAt;
  /// A direct allocation whose gfp argument is spelled GFP_KERNEL in the
  /// module's own text: the place a GFP_ATOMIC fix-it may go.
  clang::SourceRange GfpKernelSpelling;
};

/// An atomic region held at a statement.
struct HeldRegion {
  std::string Kind;  // spinlock, rwlock, rcu, preempt, irq, bh
  std::string Begin; // the call or macro that began it
  clang::SourceLocation BeginLoc;
};

/// A function this module hands out to be called back.
struct CallbackUse {
  const clang::FunctionDecl *FD;
  std::string Context; // process, hardirq, softirq, timer, hrtimer, tasklet, rcu, atomic
  bool Counted = true;
  clang::SourceLocation Where; // the registration, initializer or publication
  std::string Via;             // "request_irq", "timer_list.function", "rcu_assign_pointer"
};

class SleepAnalysis {
public:
  explicit SleepAnalysis(AnalysisContext &AC);
  ~SleepAnalysis();

  /// Statements of FD (defined in this TU) that may sleep, in source order.
  const std::vector<SleepSite> &sites(const clang::FunctionDecl *FD);

  /// The sites of FD inside an atomic region (held on every path to them),
  /// with the innermost such region. Empty if FD never enters one.
  std::vector<std::pair<const SleepSite *, HeldRegion>>
  sitesInAtomic(const clang::FunctionDecl *FD);

  /// The sites of FD reached, on some path, without a module count taken by
  /// FD itself (__module_get(THIS_MODULE), a successful
  /// try_module_get(THIS_MODULE)).
  std::vector<const SleepSite *> sitesWithoutCount(const clang::FunctionDecl *FD);

  /// Functions of this module handed out as callbacks, in source order.
  const std::vector<CallbackUse> &callbacks();

  /// May-sleep summaries of the module's non-static functions, for the
  /// whole-module step (docs/report-format.md, "Fact files").
  nlohmann::json facts();

  /// What the whole-module step needs to follow calls into the module's
  /// other files: calls to functions this TU does not define made inside an
  /// atomic region ("atomic_calls") or from a non-sleeping callback
  /// ("callback_calls", through this TU's own functions), and callbacks
  /// handed out whose body is elsewhere ("external_callbacks").
  nlohmann::json linkFacts();

private:
  struct Impl;
  std::unique_ptr<Impl> P;
};

} // namespace modsafe

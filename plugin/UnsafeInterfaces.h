// Rule #2's facts, shared by unsafe-unload and init-fail-after-unsafe: the
// places where the module hands one of its own functions, or a structure
// holding its callbacks, to an *unsafe interface* — one whose callbacks
// carry no struct module * owner and which offers no synchronous unregister,
// so nothing can tell when the last caller has left the module's code.
//
// An interface is unsafe when
//  * the knowledge base says so: a `registrations` entry with "unsafe": true
//    (and no owner, no sync_unregister, no non-sleeping context), or a
//    `hooks` entry (a kernel global function pointer such as pm_power_off);
//  * or it is inferred from declarations:
//    - a plain store (not rcu_assign_pointer()/RCU_INIT_POINTER(): an
//      RCU-published hook is noncounting, missing-quiescence's business) of
//      a module function into a global function pointer, or a field of a
//      global structure, declared outside the module's files and not
//      defined in this translation unit;
//    - a call of a function declared outside the module's files, unknown to
//      the knowledge base, whose name says "register", handed a module
//      function or a callback structure with no owner in reach, when the
//      translation unit declares no unregister counterpart (an interface
//      with a counterpart not known to wait is not called unsafe).
// Deferred objects (timers, work, tasklets, RCU heads: missing-teardown) and
// owner-carrying structures are never unsafe here.
#pragma once

#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/Stmt.h"

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace modsafe {

class AnalysisContext;

struct UnsafeRegistration {
  enum Kind {
    Known,         // a knowledge-base registration marked unsafe
    Hook,          // a store into a knowledge-base hook variable
    InferredStore, // a store into a kernel global function pointer
    InferredCall,  // a register call with no unregister counterpart
  } K;
  const clang::Stmt *S = nullptr;         // the CallExpr or the assignment
  clang::SourceLocation Loc;              // where the module's text does it
  const clang::FunctionDecl *In = nullptr;
  const clang::FunctionDecl *Callback = nullptr; // the module function, if one
  std::string Interface;                  // the function or hook variable
  std::string What;                       // "'foo_poweroff'", "'foo_ops' (struct bar_ops)"
  std::string Why;                        // why the interface is unsafe
};

class UnsafeInterfaces {
public:
  explicit UnsafeInterfaces(AnalysisContext &AC);
  ~UnsafeInterfaces();

  /// Every unsafe registration in the module's own functions, in source order.
  const std::vector<UnsafeRegistration> &registrations();
  /// The unsafe registration a call of a function of this TU makes, directly
  /// or through the module's helpers it calls; null if none.
  const UnsafeRegistration *registersThrough(const clang::FunctionDecl *FD);
  /// The registration S is, if S is one (a CallExpr or an assignment).
  const UnsafeRegistration *at(const clang::Stmt *S);

private:
  struct Impl;
  std::unique_ptr<Impl> P;
};

} // namespace modsafe

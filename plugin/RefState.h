// Module-reference state along paths (Rule #1), shared by unguarded-call,
// ref-leak and put-unbalanced. For each function of the module's code, a
// path-sensitive walk over clang's CFG tracks, per owner key (`ops->owner`,
// `fops->owner` after fops_get, a struct module * variable), whether a
// reference is held; it understands getters folded into conditions
// (`if (!c || !try_module_get(c->owner))`), results kept in variables
// (`ret = try_module_get(m)`, `f = fops_get(x); if (!f)`), goto unwinding,
// early returns and loops. Getters and putters come from the knowledge base
// (ref_get/ref_put); calls through owner-carrying structures from
// owner_types; contexts pinned by an earlier reference from pinned_calls.
#pragma once

#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/Stmt.h"

#include <map>
#include <string>
#include <vector>

namespace modsafe {

class AnalysisContext;

struct RefEvents {
  /// A call through an owner-carrying structure reached, on some path,
  /// without a reference on its owner.
  struct Unguarded {
    const clang::CallExpr *Call;
    std::string Owner;                // e.g. "ops->owner"
    std::string Callee;               // e.g. "ops->poke"
    std::string Why;                  // which path: failed get, after put, shared object
    clang::SourceLocation Related;    // the get/put/load that path went through
    std::string RelatedMsg;
  };
  /// module_put (or a wrapper) reached on a path with no reference held,
  /// in a function that takes that reference itself.
  struct Unbalanced {
    const clang::Expr *Put;
    std::string Owner;
    clang::SourceLocation Get; // a get of the same key in this function
    std::string GetMsg;
  };
  /// A return reached with a reference this function took still held,
  /// neither put nor handed off.
  struct Leak {
    clang::SourceLocation At; // the return, or the end of the function
    std::string Owner;
    clang::SourceLocation Get;
    bool ErrorReturn;
  };
  std::vector<Unguarded> UnguardedCalls;
  std::vector<Unbalanced> UnbalancedPuts;
  std::vector<Leak> Leaks;
  bool Imprecise = false; // too many paths: nothing reported for this function
};

/// Runs the analysis over every function of AC.ownDecls() that uses module
/// references or calls through an owner-carrying structure.
/// In source order, with each function's events in source order.
std::vector<std::pair<const clang::FunctionDecl *, RefEvents>>
computeRefEvents(AnalysisContext &AC);

} // namespace modsafe

// Small facts about kernel C expressions that several analyses need: what
// THIS_MODULE looks like after expansion, which macro a location came from,
// which static object an expression hands over, and a field-sensitive key
// for "the same object" across statements.
#pragma once

#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"

#include <functional>
#include <string>
#include <vector>

namespace modsafe {

/// Strips parentheses, implicit and explicit casts.
const clang::Expr *stripCasts(const clang::Expr *E);

/// True for THIS_MODULE in either expansion: (&__this_module) under MODULE,
/// ((struct module *)0) spelled THIS_MODULE otherwise.
bool isThisModule(const clang::Expr *E, const clang::ASTContext &Ctx);

/// True if E is a null pointer constant not spelled THIS_MODULE.
bool isNullOwner(const clang::Expr *E, const clang::ASTContext &Ctx);

/// Names of every macro whose expansion produced Loc, innermost first.
std::vector<std::string> macroStack(clang::SourceLocation Loc,
                                    const clang::SourceManager &SM,
                                    const clang::LangOptions &LO);
bool expandedFrom(clang::SourceLocation Loc, llvm::StringRef Macro,
                  const clang::SourceManager &SM, const clang::LangOptions &LO);

/// The static-storage variables (canonical declarations) and parameters E
/// hands over as a whole: `&v`, `v` (array, pointer or by value),
/// `c ? &a : &b`. Member accesses (`&v.field`) hand over no whole object.
std::vector<const clang::VarDecl *> handedObjects(const clang::Expr *E);

/// Key of an access path: strips casts, `&` and `*`, and joins member names
/// with '.' (members of anonymous structs/unions are skipped) onto the key
/// Root gives the path's root expression; "" if Root gives "".
std::string accessPathKey(const clang::Expr *E,
                          const std::function<std::string(const clang::Expr *)> &Root);

/// "Same object" key, field-sensitive and type-based for non-static bases:
/// `@name.f.g` for a static variable, `T:struct_tag.f.g` otherwise.
std::string objectKey(const clang::Expr *E);

/// Record type named by T or by what T points to (through arrays too).
const clang::RecordDecl *recordOf(clang::QualType T);
std::string recordName(clang::QualType T);

/// True if T is `struct module *`.
bool isModulePointer(clang::QualType T);

/// E's tokens as the file spells them (a macro argument's own text), without
/// whitespace; "" when they do not lie in order in one file, or are 200
/// characters or more.
std::string spelledText(const clang::Expr *E, const clang::SourceManager &SM,
                        const clang::LangOptions &LO);
/// Argument N of the outermost macro call at L, as written, without
/// whitespace; "" when L is not in a macro or the call has no argument N.
std::string macroArgText(clang::SourceLocation L, unsigned N,
                         const clang::SourceManager &SM,
                         const clang::LangOptions &LO);
/// The definition of FD that has a body in this TU, or null.
const clang::FunctionDecl *definitionOf(const clang::FunctionDecl *FD);
/// The function a (possibly cast, possibly &) expression names, if any.
const clang::FunctionDecl *referencedFunction(const clang::Expr *E);

} // namespace modsafe

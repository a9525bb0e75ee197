// One translation unit's analysis: the context every check sees, and the
// facts several checks share. Each fact is computed once, on first use, and
// only over code the module itself wrote (the main file), never over the
// thousands of inline functions the kernel headers bring in.
#pragma once

#include "KnowledgeBase.h"
#include "Options.h"
#include "RefState.h"
#include "Reporter.h"
#include "SleepAnalysis.h"
#include "UnloadAnalysis.h"
#include "UnsafeInterfaces.h"

#include "clang/AST/ASTContext.h"
#include "clang/Lex/Preprocessor.h"
#include "llvm/Support/Regex.h"

#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

namespace modsafe {

/// Where a static object (or its address) goes.
struct HandOff {
  enum Kind {
    CallArg,    // passed to a call
    FieldStore, // stored into a field of a non-static object
    Wrapper,    // stored in another static object (initializer or store)
    Escape,     // anything else that lets the address out (local, return)
  } K;
  clang::SourceLocation Loc;
  const clang::CallExpr *Call = nullptr;
  const clang::FunctionDecl *Callee = nullptr;
  std::string CalleeName;
  unsigned ArgIndex = 0;
  std::string FieldStruct, FieldName; // FieldStore / Wrapper
  std::string BaseKey;                // FieldStore: objectKey of the base
  const clang::VarDecl *WrapperVar = nullptr;
};

/// A store of a `struct module *` value: `x.owner = v`, by objectKey.
struct OwnerStore {
  std::string Key; // objectKey of the stored-to member, e.g. "@fops.owner"
  const clang::Expr *Value;
  clang::SourceLocation Loc;
};

/// What the module's own code does with its static objects.
struct ObjectFacts {
  /// Static objects of struct (or array of struct) type with an initializer.
  std::vector<const clang::VarDecl *> StaticObjects;
  /// Where each static object (by canonical declaration) and each parameter
  /// of the module's functions goes: a call to a function of this TU can be
  /// followed into its parameter.
  std::map<const clang::VarDecl *, std::vector<HandOff>> HandOffs;
  const std::vector<HandOff> &handOffs(const clang::VarDecl *V) const;
  std::vector<OwnerStore> OwnerStores;
  bool ownerStored(const std::string &Key, const clang::ASTContext &Ctx) const;
};

/// The module as a whole, as far as one translation unit shows it.
struct ModuleModel {
  bool IsModule = false; // compiled with -DMODULE (or assume-module)
  std::string Name;      // KBUILD_MODNAME
  std::string BaseName;  // KBUILD_BASENAME: the file's name; == Name for a one-file module
  const clang::FunctionDecl *Init = nullptr, *Exit = nullptr;
};

class AnalysisContext {
public:
  AnalysisContext(clang::ASTContext &Ctx, clang::Preprocessor &PP,
                  const KnowledgeBase &KB, Reporter &Rep, const Options &Opts);

  clang::ASTContext &ast() const { return Ctx; }
  const clang::SourceManager &sm() const { return Ctx.getSourceManager(); }
  const clang::LangOptions &langOpts() const { return Ctx.getLangOpts(); }
  const KnowledgeBase &kb() const { return KB; }
  Reporter &reporter() const { return Rep; }
  const Options &options() const { return Opts; }

  const ModuleModel &module();
  const ObjectFacts &objects();
  /// Module-reference state along the paths of every relevant function.
  const std::vector<std::pair<const clang::FunctionDecl *, RefEvents>> &refEvents();

  /// May-sleep summaries, atomic regions and callback contexts.
  SleepAnalysis &sleep();

  /// Armings of deferred execution, their teardowns and the teardown paths.
  UnloadAnalysis &unload();

  /// Rule #2: where the module hands callbacks to unsafe interfaces.
  UnsafeInterfaces &unsafeRegistrations();

  /// Functions and variables the module itself defines, in source order:
  /// those of the main file and of headers matching the header filter.
  const std::vector<const clang::Decl *> &ownDecls();

  /// A function written by this module: defined in the main file, or only
  /// declared in it or in a header beside it (a sibling file's function), or
  /// in a header the user named with header-filter.
  bool isModuleFunction(const clang::FunctionDecl *FD) const;
  bool isModuleFile(clang::SourceLocation Loc) const;

private:
  clang::ASTContext &Ctx;
  clang::Preprocessor &PP;
  const KnowledgeBase &KB;
  Reporter &Rep;
  const Options &Opts;
  std::unique_ptr<ModuleModel> Module;
  std::unique_ptr<ObjectFacts> Objects;
  std::unique_ptr<std::vector<std::pair<const clang::FunctionDecl *, RefEvents>>> Refs;
  std::unique_ptr<std::vector<const clang::Decl *>> Own;
  std::unique_ptr<SleepAnalysis> Sleep;
  std::unique_ptr<UnloadAnalysis> Unload;
  std::unique_ptr<UnsafeInterfaces> Unsafe;
  std::string MainDir;
  std::unique_ptr<llvm::Regex> HeaderFilter;
};

/// Base class of every check (one per file under plugin/checks/).
class Check {
public:
  explicit Check(std::string Id) : Id(std::move(Id)) {}
  virtual ~Check();
  const std::string &id() const { return Id; }
  /// Runs over one translation unit, reporting through AC.reporter().
  virtual void run(AnalysisContext &AC) = 0;

private:
  std::string Id;
};

/// Instantiates the implemented checks enabled by Opts (Checks.inc).
std::vector<std::unique_ptr<Check>> createChecks(const Options &Opts);

/// Runs the enabled checks over a parsed translation unit.
void analyzeTranslationUnit(AnalysisContext &AC,
                            const std::vector<std::unique_ptr<Check>> &Checks);

} // namespace modsafe

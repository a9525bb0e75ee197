// Differences between the clang versions modsafe-check builds against (Debian's
// 14 and 19), for the parts of clang only the driver uses (the parser loop,
// the driver's option table). The same rule as plugin/Compat.h: code elsewhere
// uses only the names defined here for anything that changed.
#pragma once

#include "clang/Basic/Version.h"
#include "clang/Driver/Options.h"
#include "clang/Parse/Parser.h"
#include "clang/Sema/Sema.h"
#include "llvm/Option/ArgList.h"
#include "llvm/Option/OptTable.h"

#include <vector>

namespace modsafe::driver_compat {

/// Parser::ParseFirstTopLevelDecl / ParseTopLevelDecl took a
/// Sema::ModuleImportState from clang 15 on.
class TopLevelParser {
public:
  explicit TopLevelParser(clang::Parser &P) : P(P) {}
  bool first(clang::Parser::DeclGroupPtrTy &D) {
#if CLANG_VERSION_MAJOR >= 15
    return P.ParseFirstTopLevelDecl(D, State);
#else
    return P.ParseFirstTopLevelDecl(D);
#endif
  }
  bool next(clang::Parser::DeclGroupPtrTy &D) {
#if CLANG_VERSION_MAJOR >= 15
    return P.ParseTopLevelDecl(D, State);
#else
    return P.ParseTopLevelDecl(D);
#endif
  }

private:
  clang::Parser &P;
#if CLANG_VERSION_MAJOR >= 15
  clang::Sema::ModuleImportState State;
#endif
};

/// Indices (into Args, which holds no program name) of the arguments clang's
/// driver does not know or does not support: it would refuse them ("unknown
/// argument", "unsupported option" for any other --foo). Option
/// visibility replaced the flag masks in clang 17.
inline std::vector<unsigned> unknownDriverArgs(llvm::ArrayRef<const char *> Args) {
  const llvm::opt::OptTable &T = clang::driver::getDriverOptTable();
  unsigned MissingIndex = 0, MissingCount = 0;
#if CLANG_VERSION_MAJOR >= 17
  llvm::opt::InputArgList L = T.ParseArgs(
      Args, MissingIndex, MissingCount,
      llvm::opt::Visibility(clang::driver::options::ClangOption));
#else
  llvm::opt::InputArgList L = T.ParseArgs(
      Args, MissingIndex, MissingCount, 0,
      clang::driver::options::NoDriverOption | clang::driver::options::CLOption);
#endif
  std::vector<unsigned> R;
  for (const llvm::opt::Arg *A : L)
    if (A->getOption().getKind() == llvm::opt::Option::UnknownClass ||
        A->getOption().hasFlag(clang::driver::options::Unsupported))
      R.push_back(A->getIndex());
  return R;
}

/// Indices of the input (source) arguments among Args.
inline std::vector<unsigned> inputArgs(llvm::ArrayRef<const char *> Args) {
  const llvm::opt::OptTable &T = clang::driver::getDriverOptTable();
  unsigned MissingIndex = 0, MissingCount = 0;
#if CLANG_VERSION_MAJOR >= 17
  llvm::opt::InputArgList L = T.ParseArgs(
      Args, MissingIndex, MissingCount,
      llvm::opt::Visibility(clang::driver::options::ClangOption));
#else
  llvm::opt::InputArgList L = T.ParseArgs(
      Args, MissingIndex, MissingCount, 0,
      clang::driver::options::NoDriverOption | clang::driver::options::CLOption);
#endif
  std::vector<unsigned> R;
  for (const llvm::opt::Arg *A : L)
    if (A->getOption().getKind() == llvm::opt::Option::InputClass)
      R.push_back(A->getIndex());
  return R;
}

} // namespace modsafe::driver_compat

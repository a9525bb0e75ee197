// Every difference between the LLVM/Clang versions modsafe builds against
// (Debian's 14 and 19) lives in this one header. Code elsewhere uses only
// the names defined here for anything that changed between versions.
#pragma once

#include "clang/Basic/Version.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/StringRef.h"

#include <optional>

namespace modsafe::compat {

// StringRef::startswith/endswith became starts_with/ends_with (LLVM 16) and
// the old names were deprecated (LLVM 18).
inline bool startsWith(llvm::StringRef S, llvm::StringRef P) {
  return S.size() >= P.size() && S.substr(0, P.size()) == P;
}
inline bool endsWith(llvm::StringRef S, llvm::StringRef P) {
  return S.size() >= P.size() && S.substr(S.size() - P.size()) == P;
}

// Lexer::findNextToken returned llvm::Optional<Token> before LLVM 16 and
// std::optional<Token> since.
inline std::optional<clang::Token>
findNextToken(clang::SourceLocation Loc, const clang::SourceManager &SM,
              const clang::LangOptions &LO) {
  auto T = clang::Lexer::findNextToken(Loc, SM, LO);
  if (!T)
    return std::nullopt;
  return *T;
}

// FieldDecl::isUnnamedBitfield was renamed isUnnamedBitField (LLVM 19).
template <typename FD> inline bool isUnnamedBitField(const FD *F) {
#if CLANG_VERSION_MAJOR >= 19
  return F->isUnnamedBitField();
#else
  return F->isUnnamedBitfield();
#endif
}

inline constexpr int ClangMajor = CLANG_VERSION_MAJOR;

} // namespace modsafe::compat

// The fast path: which function bodies a translation unit must parse.
//
// modsafe analyses the module's own code (the main file, headers beside it,
// headers named by header-filter) and follows calls, by name, into the bodies
// of the functions it reaches: static inlines of kernel headers included.
// Parsing the thousands of other header bodies is most of the time clang
// spends on a kernel TU, and their ASTs are never looked at.
//
// So the driver preprocesses the whole TU first, keeping the tokens, and cuts
// the token stream into top-level declarations. The roots are every
// declaration that is not a function definition (initializers of header
// objects can name functions) and every function definition of the module's
// own files. A header function's body is needed when its name occurs, after
// macro expansion, in a root or in a needed body: the closure over names is a
// superset of everything the analysis can reach. The parser then runs on the
// kept tokens (no second preprocessing) and skips exactly the bodies outside
// the closure (ASTConsumer::shouldSkipFunctionBody).
//
// Every skipped function is verified against the parser's own declaration
// (same name token, same name); if the token-level cut ever disagrees with
// the parser, the TU is parsed again in full. Findings are identical by
// construction; test/modsafe-check/identical-findings.test and the
// real-kernel comparison in docs/usage.md check it.
#pragma once

#include "clang/Basic/SourceLocation.h"
#include "clang/Lex/Token.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/Support/Regex.h"

#include <memory>
#include <string>
#include <vector>

namespace clang {
class FunctionDecl;
class IdentifierInfo;
class Preprocessor;
class SourceManager;
} // namespace clang

namespace modsafe::check {

class BodyPlan {
public:
  /// HeaderFilter: the header-filter option (headers the user owns).
  explicit BodyPlan(std::string HeaderFilter);
  ~BodyPlan();

  /// Preprocesses the whole translation unit (PP has entered the main file;
  /// the plan must outlive PP, which keeps a callback pointing here)
  /// and indexes its top-level declarations. Tokens() holds the result,
  /// ending in eof.
  void scan(clang::Preprocessor &PP);
  /// Computes the names whose bodies are needed.
  void solve(clang::Preprocessor &PP);

  const std::vector<clang::Token> &tokens() const { return Toks; }

  /// Whether the parser may skip the body of FD (called while parsing the
  /// kept tokens). Never true for a body the analysis could reach.
  bool shouldSkip(const clang::FunctionDecl *FD, const clang::SourceManager &SM);

  /// The token-level cut disagreed with the parser: the TU must be parsed
  /// again without skipping anything.
  bool anomaly() const { return Anomaly; }

  unsigned skipped() const { return Skipped; }
  unsigned kept() const { return Kept; }
  unsigned functions() const { return NumFunctions; }

  /// Whether a file belongs to the module (the analysis's isModuleFile).
  bool isModuleFile(clang::FileID F, const clang::SourceManager &SM);

  void setCurrentFile(clang::FileID F, const clang::SourceManager &SM) {
    CurModule = F.isValid() && isModuleFile(F, SM);
  }

private:
  struct Chunk {
    unsigned Begin, End;         // token range
    clang::IdentifierInfo *Name; // the function's name, when certain
    bool Function;
    bool Root;
  };
  void endChunk(unsigned End, bool Function);

  std::vector<clang::Token> Toks;
  std::vector<Chunk> Chunks;
  // Name token of each function definition -> its chunk (all identifiers of
  // the head when the name is uncertain: such a body is always kept).
  llvm::DenseMap<unsigned, unsigned> NameLocs;
  llvm::DenseMap<clang::IdentifierInfo *, llvm::SmallVector<unsigned, 1>> ByName;
  llvm::DenseSet<clang::IdentifierInfo *> Reachable;

  // The module's files.
  std::string MainDir;
  bool MainDirSet = false;
  std::unique_ptr<llvm::Regex> Filter;
  llvm::DenseMap<unsigned, bool> ModuleFileCache;
  bool CurModule = false;
  bool Tracking = false; // the FileTracker reports (the preprocessor keeps it)

  // Chunker state.
  unsigned ChunkBegin = 0, BodyBegin = 0, CandIdx = 0;
  int Paren = 0, Brace = 0, Cands = 0;
  bool InBody = false, HeadEq = false, ChunkModule = false;

  bool Anomaly = false;
  unsigned Skipped = 0, Kept = 0, NumFunctions = 0;
};

} // namespace modsafe::check

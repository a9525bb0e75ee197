#include "BodyPlan.h"

#include "clang/AST/Decl.h"
#include "clang/Basic/IdentifierTable.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/PPCallbacks.h"
#include "clang/Lex/Preprocessor.h"
#include "llvm/Support/Path.h"

using namespace clang;

namespace modsafe::check {

namespace {

/// Tells the plan which file the preprocessor is reading: the file a token
/// comes from, or for a macro's tokens the file the macro was used in (its
/// expansion location, which is what the analysis looks at).
class FileTracker : public PPCallbacks {
public:
  FileTracker(BodyPlan &P, const SourceManager &SM, const bool &Active)
      : P(P), SM(SM), Active(Active) {}
  void FileChanged(SourceLocation Loc, FileChangeReason Reason,
                   SrcMgr::CharacteristicKind, FileID) override {
    if (Active && (Reason == EnterFile || Reason == ExitFile))
      P.setCurrentFile(SM.getFileID(SM.getExpansionLoc(Loc)), SM);
  }

private:
  BodyPlan &P;
  const SourceManager &SM;
  const bool &Active;
};

} // namespace

BodyPlan::BodyPlan(std::string HeaderFilter) {
  if (!HeaderFilter.empty())
    Filter = std::make_unique<llvm::Regex>(HeaderFilter);
}

BodyPlan::~BodyPlan() = default;

bool BodyPlan::isModuleFile(FileID F, const SourceManager &SM) {
  auto It = ModuleFileCache.find(F.getHashValue());
  if (It != ModuleFileCache.end())
    return It->second;
  if (!MainDirSet) {
    // As AnalysisContext computes it.
    MainDirSet = true;
    llvm::StringRef Main =
        SM.getFileEntryForID(SM.getMainFileID())
            ? SM.getFilename(SM.getLocForStartOfFile(SM.getMainFileID()))
            : "";
    llvm::SmallString<256> Dir(llvm::sys::path::parent_path(Main));
    llvm::sys::path::remove_dots(Dir, /*remove_dot_dot=*/true);
    MainDir = std::string(Dir.str());
  }
  // AnalysisContext::isModuleFile, for the file as a whole.
  SourceLocation L = SM.getLocForStartOfFile(F);
  bool R;
  if (SM.isInMainFile(L)) {
    R = true;
  } else {
    llvm::StringRef Name = SM.getFilename(L);
    llvm::SmallString<256> Dir(llvm::sys::path::parent_path(Name));
    llvm::sys::path::remove_dots(Dir, true);
    R = (!MainDir.empty() && Dir.str() == MainDir) ||
        (Filter && Filter->match(Name));
  }
  ModuleFileCache[F.getHashValue()] = R;
  return R;
}

void BodyPlan::endChunk(unsigned End, bool Function) {
  Chunk C;
  C.Begin = ChunkBegin;
  C.End = End;
  C.Function = Function;
  C.Name = nullptr;
  if (Function) {
    ++NumFunctions;
    if (Cands == 1)
      C.Name = Toks[CandIdx].getIdentifierInfo();
  }
  // Everything that is not a function definition is a root (a header
  // object's initializer can name functions), and so are the module's own
  // functions and any function whose name the cut cannot tell.
  C.Root = !Function || ChunkModule || !C.Name;
  unsigned Idx = unsigned(Chunks.size());
  if (Function) {
    if (C.Name) {
      NameLocs[Toks[CandIdx].getLocation().getRawEncoding()] = Idx;
      ByName[C.Name].push_back(Idx);
    } else {
      for (unsigned I = C.Begin; I < BodyBegin; ++I)
        if (Toks[I].is(tok::identifier))
          NameLocs[Toks[I].getLocation().getRawEncoding()] = Idx;
    }
  }
  Chunks.push_back(C);
  ChunkBegin = End;
  Paren = Brace = Cands = 0;
  InBody = HeadEq = ChunkModule = false;
}

void BodyPlan::scan(Preprocessor &PP) {
  Tracking = true;
  PP.addPPCallbacks(
      std::make_unique<FileTracker>(*this, PP.getSourceManager(), Tracking));
  // The main file was entered before the tracker was installed.
  setCurrentFile(PP.getSourceManager().getMainFileID(), PP.getSourceManager());
  Toks.reserve(1 << 19);
  Token T;
  for (;;) {
    PP.Lex(T);
    unsigned I = unsigned(Toks.size());
    Toks.push_back(T);
    if (T.is(tok::eof))
      break;
    if (CurModule)
      ChunkModule = true;
    tok::TokenKind K = T.getKind();
    if (InBody) {
      if (K == tok::l_brace)
        ++Brace;
      else if (K == tok::r_brace && --Brace == 0)
        endChunk(I + 1, /*Function=*/true);
      continue;
    }
    switch (K) {
    case tok::l_paren:
      if (Paren == 0 && Brace == 0 && I > ChunkBegin &&
          Toks[I - 1].is(tok::identifier)) {
        ++Cands;
        CandIdx = I - 1;
      }
      ++Paren;
      break;
    case tok::l_square:
      ++Paren;
      break;
    case tok::r_paren:
    case tok::r_square:
      if (Paren)
        --Paren;
      break;
    case tok::l_brace:
      // A body: `declarator(params) {` (or `... __attribute__((x)) {`).
      if (Paren == 0 && Brace == 0 && !HeadEq && I > ChunkBegin &&
          Toks[I - 1].is(tok::r_paren)) {
        InBody = true;
        Brace = 1;
        BodyBegin = I;
      } else {
        ++Brace;
      }
      break;
    case tok::r_brace:
      if (Brace)
        --Brace;
      break;
    case tok::equal:
      if (Paren == 0 && Brace == 0)
        HeadEq = true;
      break;
    case tok::semi:
      if (Paren == 0 && Brace == 0)
        endChunk(I + 1, /*Function=*/false);
      break;
    default:
      break;
    }
  }
  // Whatever precedes eof without a terminator (a parse error to come).
  if (ChunkBegin + 1 < Toks.size())
    endChunk(unsigned(Toks.size() - 1), /*Function=*/false);
  Tracking = false;
  // The parser stops at eof; spare ones in case error recovery looks past it.
  Token Eof = Toks.back();
  Toks.push_back(Eof);
  Toks.push_back(Eof);
}

void BodyPlan::solve(Preprocessor &PP) {
  std::vector<char> Done(Chunks.size(), 0);
  std::vector<unsigned> Work;
  for (unsigned I = 0; I < Chunks.size(); ++I)
    if (Chunks[I].Root) {
      Done[I] = 1;
      Work.push_back(I);
    }
  IdentifierTable &Idents = PP.getIdentifierTable();
  auto reach = [&](IdentifierInfo *II) {
    if (!Reachable.insert(II).second)
      return;
    auto It = ByName.find(II);
    if (It == ByName.end())
      return;
    for (unsigned C : It->second)
      if (!Done[C]) {
        Done[C] = 1;
        Work.push_back(C);
      }
  };
  while (!Work.empty()) {
    const Chunk &C = Chunks[Work.back()];
    Work.pop_back();
    for (unsigned I = C.Begin; I < C.End; ++I) {
      const Token &T = Toks[I];
      if (T.is(tok::identifier)) {
        reach(T.getIdentifierInfo());
      } else if (T.is(tok::string_literal) && T.getLiteralData() &&
                 T.getLength() > 2) {
        // alias("fn"), __section("...") ...: a string may name a function.
        llvm::StringRef S(T.getLiteralData(), T.getLength());
        if (S.front() == '"' && S.back() == '"') {
          S = S.substr(1, S.size() - 2);
          auto It = Idents.find(S);
          if (It != Idents.end())
            reach(It->getValue());
        }
      }
    }
  }
}

bool BodyPlan::shouldSkip(const FunctionDecl *FD, const SourceManager &SM) {
  if (Anomaly || !FD)
    return false;
  SourceLocation L = FD->getLocation();
  auto It = NameLocs.find(L.getRawEncoding());
  if (It == NameLocs.end()) {
    // A definition the cut did not see as one: trust nothing it decided.
    Anomaly = true;
    return false;
  }
  const Chunk &C = Chunks[It->second];
  if (!C.Name)
    return false; // kept: its name was uncertain
  if (C.Name != FD->getIdentifier()) {
    Anomaly = true;
    return false;
  }
  if (C.Root || Reachable.count(C.Name)) {
    ++Kept;
    return false;
  }
  if (isModuleFile(SM.getFileID(SM.getExpansionLoc(L)), SM)) {
    ++Kept;
    return false;
  }
  ++Skipped;
  return true;
}

} // namespace modsafe::check

#include "Reporter.h"
#include "Compat.h"

#include "clang/Basic/Version.h"
#include "clang/Lex/Lexer.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Regex.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Support/xxhash.h"

#include <algorithm>
#include <tuple>

namespace modsafe {

#ifndef MODSAFE_VERSION
#define MODSAFE_VERSION "0.0.0"
#endif

bool Reporter::inReportedFile(clang::SourceLocation Loc) const {
  clang::SourceLocation FL = SM.getFileLoc(Loc);
  if (FL.isInvalid())
    return false;
  if (SM.isWrittenInMainFile(FL))
    return true;
  if (Opts.HeaderFilter.empty())
    return false;
  return llvm::Regex(Opts.HeaderFilter).match(SM.getFilename(FL));
}

nlohmann::json Reporter::location(clang::SourceLocation Loc) const {
  clang::SourceLocation FL = SM.getFileLoc(Loc);
  clang::PresumedLoc P = SM.getPresumedLoc(FL);
  if (P.isInvalid())
    return {{"file", ""}, {"line", 0}, {"column", 0}};
  return {{"file", P.getFilename()}, {"line", P.getLine()},
          {"column", P.getColumn()}};
}

void Reporter::report(Finding F) {
  if (inReportedFile(F.Loc))
    Pending.push_back(std::move(F));
}

void Reporter::flush() {
  auto Key = [&](const Finding &F) {
    clang::SourceLocation L = SM.getFileLoc(F.Loc);
    return std::make_tuple(SM.getFileID(L).getHashValue(), SM.getFileOffset(L),
                           F.Check, F.Message);
  };
  std::stable_sort(Pending.begin(), Pending.end(),
                   [&](const Finding &A, const Finding &B) { return Key(A) < Key(B); });
  for (const Finding &F : Pending) {
    if (suppressed(F)) {
      ++Suppressed;
      continue;
    }
    emit(F);
  }
  Pending.clear();
  if (Opts.ListUnusedSuppressions)
    listUnusedSuppressions();
}

void Reporter::scanSuppressions(clang::FileID FID) {
  if (!Scanned.insert(FID.getHashValue()).second)
    return;
  bool Invalid = false;
  llvm::StringRef Text = SM.getBufferData(FID, &Invalid);
  if (Invalid)
    return;
  static const llvm::StringRef Marker = "modsafe: ignore";
  for (size_t P = Text.find(Marker); P != llvm::StringRef::npos;
       P = Text.find(Marker, P + Marker.size())) {
    // Only inside a comment that starts on the same line.
    size_t LineStart = Text.rfind('\n', P);
    LineStart = LineStart == llvm::StringRef::npos ? 0 : LineStart + 1;
    llvm::StringRef Before = Text.slice(LineStart, P);
    if (!Before.contains("//") && !Before.contains("/*"))
      continue;
    size_t End = Text.find_first_of("\n", P);
    llvm::StringRef Rest = Text.slice(P + Marker.size(), End);
    size_t Stop = std::min(Rest.find(':'), Rest.find("*/"));
    Rest = Rest.substr(0, Stop);
    Suppression S;
    S.Loc = SM.getLocForStartOfFile(FID).getLocWithOffset(P);
    llvm::SmallVector<llvm::StringRef, 4> Parts;
    Rest.split(Parts, ',', -1, false);
    for (llvm::StringRef Part : Parts) {
      llvm::SmallVector<llvm::StringRef, 4> Words;
      Part.split(Words, ' ', -1, false);
      for (llvm::StringRef W : Words) {
        W = W.trim();
        W.consume_front("modsafe-");
        if (!W.empty())
          S.Globs.push_back(W.str());
      }
    }
    if (S.Globs.empty())
      continue;
    unsigned Line = SM.getLineNumber(FID, P);
    Sups[{FID.getHashValue(), Line}] = std::move(S);
  }
}

bool Reporter::suppressed(const Finding &F) {
  clang::SourceLocation FL = SM.getFileLoc(F.Loc);
  if (FL.isInvalid())
    return false;
  clang::FileID FID = SM.getFileID(FL);
  scanSuppressions(FID);
  unsigned Line = SM.getLineNumber(FID, SM.getFileOffset(FL));
  for (unsigned L : {Line, Line - 1}) {
    auto It = Sups.find({FID.getHashValue(), L});
    if (It == Sups.end())
      continue;
    for (const std::string &G : It->second.Globs)
      if (G == "all" || globMatch(G, F.Check)) {
        It->second.Used = true;
        return true;
      }
  }
  return false;
}

void Reporter::listUnusedSuppressions() {
  scanSuppressions(SM.getMainFileID());
  unsigned ID = Diags.getCustomDiagID(clang::DiagnosticsEngine::Warning,
                                      "modsafe: unused suppression of '%0': "
                                      "nothing of it is reported on this line or the next");
  for (auto &[Key, S] : Sups) {
    if (S.Used || !inReportedFile(S.Loc))
      continue;
    std::string Globs;
    for (const std::string &G : S.Globs)
      Globs += (Globs.empty() ? "" : ",") + G;
    Diags.Report(S.Loc, ID) << Globs;
    S.Used = true; // once per run of flush()
  }
}

void Reporter::emit(const Finding &F) {
  const CheckInfo *CI = findCheck(F.Check);
  std::string Text = F.Message + " [modsafe-" + F.Check + "]";

  // Custom diagnostic ids are not subject to -Werror or -w mapping, so a
  // kernel built with CONFIG_WERROR never fails because of modsafe unless the
  // user asked for 'werror'.
  auto Level = Opts.Werror ? clang::DiagnosticsEngine::Error
                           : clang::DiagnosticsEngine::Warning;
  if (!Diags.getIgnoreAllWarnings() || Opts.Werror) {
    unsigned ID = Diags.getCustomDiagID(Level, "%0");
    {
      auto DB = Diags.Report(F.Loc, ID);
      DB << Text;
      for (const clang::FixItHint &H : F.Fixits)
        DB << H;
    }
    unsigned NoteID =
        Diags.getCustomDiagID(clang::DiagnosticsEngine::Note, "%0");
    for (const Finding::Note &N : F.Notes)
      Diags.Report(N.Loc, NoteID) << N.Message;
  }

  nlohmann::json J = location(F.Loc);
  J["check"] = F.Check;
  J["rule"] = CI ? CI->Rule : "";
  J["severity"] = Opts.Werror ? "error" : (CI ? CI->Severity : "warning");
  J["message"] = F.Message;
  J["notes"] = nlohmann::json::array();
  for (const Finding::Note &N : F.Notes) {
    nlohmann::json NJ = location(N.Loc);
    NJ["message"] = N.Message;
    J["notes"].push_back(NJ);
  }
  J["fixits"] = nlohmann::json::array();
  for (const clang::FixItHint &H : F.Fixits) {
    clang::CharSourceRange R = H.RemoveRange;
    clang::SourceLocation B = SM.getFileLoc(R.getBegin());
    clang::SourceLocation E = SM.getFileLoc(R.getEnd());
    if (R.isTokenRange())
      E = clang::Lexer::getLocForEndOfToken(E, 0, SM, LO);
    clang::PresumedLoc PB = SM.getPresumedLoc(B), PE = SM.getPresumedLoc(E);
    if (PB.isInvalid() || PE.isInvalid())
      continue;
    unsigned OB = SM.getFileOffset(B), OE = SM.getFileOffset(E);
    J["fixits"].push_back({{"file", PB.getFilename()},
                           {"offset", OB},
                           {"length", OE >= OB ? OE - OB : 0},
                           {"line", PB.getLine()},
                           {"column", PB.getColumn()},
                           {"end_line", PE.getLine()},
                           {"end_column", PE.getColumn()},
                           {"replacement", H.CodeToInsert}});
  }
  Findings.push_back(std::move(J));
}

nlohmann::json Reporter::json(const std::string &MainFile, bool IsModule,
                              const std::string &ModuleName) const {
  llvm::SmallString<256> Cwd;
  llvm::sys::fs::current_path(Cwd);
  nlohmann::json R = {
      {"format", "modsafe-report"},
      {"version", 1},
      {"tool", {{"name", "modsafe"}, {"version", MODSAFE_VERSION},
                {"clang", clang::getClangFullVersion()}}},
      {"main_file", MainFile},
      {"working_directory", std::string(Cwd.str())},
      {"module", IsModule},
      {"module_name", ModuleName},
      {"findings", Findings},
  };
  return R;
}

bool Reporter::writeReport(const nlohmann::json &Report, const std::string &Dir,
                           const std::string &UniqueKey, std::string &Error,
                           const std::string &Suffix) {
  if (std::error_code EC = llvm::sys::fs::create_directories(Dir)) {
    Error = "cannot create report directory '" + Dir + "': " + EC.message();
    return false;
  }
  std::string Main = Report.value("main_file", "tu");
  std::string Base = llvm::sys::path::filename(Main).str();
  char Hash[17];
  snprintf(Hash, sizeof Hash, "%016llx",
           (unsigned long long)llvm::xxHash64(UniqueKey));
  llvm::SmallString<256> Final(Dir);
  llvm::sys::path::append(Final, Base + "." + Hash + Suffix);

  llvm::SmallString<256> Model(Dir), Tmp;
  llvm::sys::path::append(Model, "." + Base + ".%%%%%%%%.tmp");
  int FD;
  if (std::error_code EC = llvm::sys::fs::createUniqueFile(Model, FD, Tmp)) {
    Error = "cannot create a file in report directory '" + Dir +
            "': " + EC.message();
    return false;
  }
  {
    llvm::raw_fd_ostream OS(FD, /*shouldClose=*/true);
    OS << Report.dump(2) << "\n";
    OS.flush();
    if (OS.has_error()) {
      Error = "cannot write report '" + std::string(Tmp.str()) +
              "': " + OS.error().message();
      OS.clear_error();
      llvm::sys::fs::remove(Tmp);
      return false;
    }
  }
  if (std::error_code EC = llvm::sys::fs::rename(Tmp, Final)) {
    Error = "cannot rename report into place '" + std::string(Final.str()) +
            "': " + EC.message();
    llvm::sys::fs::remove(Tmp);
    return false;
  }
  return true;
}

} // namespace modsafe

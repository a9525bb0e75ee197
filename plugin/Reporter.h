// Findings: emitted as clang diagnostics (warning + notes + fix-its, the text
// ending in [modsafe-<id>]) and collected into the per-TU JSON report whose
// format docs/report-format.md and docs/report.schema.json define.
#pragma once

#include "Options.h"

#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/SourceManager.h"

#include <nlohmann/json.hpp>

#include <map>
#include <set>
#include <string>
#include <vector>

namespace modsafe {

struct Finding {
  std::string Check; // catalogue id
  clang::SourceLocation Loc;
  std::string Message;
  struct Note {
    clang::SourceLocation Loc;
    std::string Message;
  };
  std::vector<Note> Notes;
  std::vector<clang::FixItHint> Fixits;
};

class Reporter {
public:
  Reporter(clang::DiagnosticsEngine &Diags, const clang::SourceManager &SM,
           const clang::LangOptions &LO, const Options &Opts)
      : Diags(Diags), SM(SM), LO(LO), Opts(Opts) {}

  /// Queues F unless it is located outside the files reported on (the main
  /// file, and headers matching the header filter).
  void report(Finding F);
  /// Emits the queued findings in source order (diagnostics and report).
  void flush();

  /// The JSON report for this translation unit.
  nlohmann::json json(const std::string &MainFile, bool IsModule,
                      const std::string &ModuleName) const;

  /// Writes the report atomically into Dir (temporary file + rename), with a
  /// name unique to this translation unit (<file>.<hash><Suffix>). Error is
  /// set on failure. Also writes fact files (Suffix ".modsafe-facts.json").
  static bool writeReport(const nlohmann::json &Report, const std::string &Dir,
                          const std::string &UniqueKey, std::string &Error,
                          const std::string &Suffix = ".modsafe.json");

  size_t count() const { return Findings.size(); }

  /// Findings dropped by `modsafe: ignore` comments.
  size_t suppressedCount() const { return Suppressed; }

private:
  /// An inline suppression: `/* modsafe: ignore CHECK[,CHECK…][: reason] */`
  /// (or a // comment) on the finding's line or the line above it.
  struct Suppression {
    clang::SourceLocation Loc;
    std::vector<std::string> Globs;
    bool Used = false;
  };
  void scanSuppressions(clang::FileID FID);
  bool suppressed(const Finding &F);
  void listUnusedSuppressions();
  std::map<std::pair<unsigned, unsigned>, Suppression> Sups; // (file, line)
  std::set<unsigned> Scanned;
  size_t Suppressed = 0;

  bool inReportedFile(clang::SourceLocation Loc) const;
  nlohmann::json location(clang::SourceLocation Loc) const;

  clang::DiagnosticsEngine &Diags;
  const clang::SourceManager &SM;
  const clang::LangOptions &LO;
  const Options &Opts;
  void emit(const Finding &F);
  std::vector<Finding> Pending;
  std::vector<nlohmann::json> Findings;
};

} // namespace modsafe

// The one entry point the clang plugin (Plugin.cpp) and the standalone
// driver (tools/modsafe-check) share, so that both run exactly the same code
// on a parsed translation unit: load the knowledge base, analyse, report
// (clang diagnostics, the per-TU JSON report and the fact file).
#pragma once

#include "KnowledgeBase.h"
#include "Options.h"

#include <nlohmann/json.hpp>

#include <string>

namespace clang {
class ASTContext;
class CompilerInstance;
} // namespace clang

namespace modsafe {

/// Loads the built-in knowledge base and every Opts.RuleFiles file into KB.
/// On failure Error is "built-in knowledge base: ..." or "rules file refused:
/// PATH:LINE:COL: ...".
bool loadKnowledgeBase(const Options &Opts, KnowledgeBase &KB,
                       std::string &Error);

/// What the analysis of one translation unit produced (for the driver).
struct TUOutput {
  bool Analyzed = false; // false: the TU had compile errors, nothing analysed
  nlohmann::json Report; // docs/report-format.md
  nlohmann::json Facts;  // docs/facts.schema.json
  size_t Findings = 0;
  bool WriteFailed = false; // the report directory could not be written
};

/// Analyses the parsed translation unit of CI: emits the findings as
/// diagnostics through CI's DiagnosticsEngine and, with Opts.ReportDir,
/// writes the report and fact files (errors as "modsafe: ..." diagnostics).
/// A TU with compile errors is not analysed. Out (may be null) receives the
/// report and facts even without a report directory. WorkingDir, when not
/// empty, is the directory relative paths of the TU are relative to (the
/// plugin leaves it empty: the process's working directory).
void analyzeAndReport(clang::CompilerInstance &CI, clang::ASTContext &Ctx,
                      const Options &Opts, const KnowledgeBase &KB,
                      TUOutput *Out = nullptr,
                      const std::string &WorkingDir = "");

} // namespace modsafe

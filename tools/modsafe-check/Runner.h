// Running the analysis on one translation unit: clang's driver turns the
// compile command into a frontend invocation, the fast path (BodyPlan) or a
// plain parse builds the AST, and the shared entry point (plugin/Driver.h)
// analyses and reports exactly as the plugin does.
#pragma once

#include "Args.h"
#include "Driver.h"
#include "KnowledgeBase.h"
#include "Options.h"

#include <memory>
#include <string>
#include <vector>

namespace modsafe::check {

struct RunConfig {
  std::shared_ptr<const Options> Opts;
  std::shared_ptr<const KnowledgeBase> KB;
  bool FastParse = true;  // skip the header bodies the analysis cannot reach
  bool Color = false;     // colour the buffered diagnostics
  bool ClangSummary = false; // keep clang's "N warnings generated." line
  std::string ResourceDir;
  std::vector<std::string> ExtraBefore, ExtraAfter;
};

struct TUJob {
  std::string Directory; // working directory of the compile
  std::string Input;     // the source, as the command names it
  CompilerArgs Args;
};

struct TUResult {
  enum Status {
    Ok,           // analysed (findings or not)
    CompileError, // clang's errors: no trustworthy AST, nothing analysed
    Failed,       // could not run (driver error, crash, report not written)
  } St = Failed;
  std::string Diagnostics; // what clang and modsafe printed, as text
  std::string Error;       // why it failed, one line
  TUOutput Out;
  unsigned Functions = 0, BodiesSkipped = 0;
  bool Reparsed = false; // the fast path gave up; parsed again in full
  double Seconds = 0;    // CPU time of the thread
};

/// Checks one translation unit. Thread-safe: every call has its own
/// CompilerInstance, file manager and diagnostics.
TUResult runTranslationUnit(const TUJob &J, const RunConfig &C);

/// Call once before any runTranslationUnit: a crash in one translation unit
/// is reported as a failure of that TU instead of killing the process.
void enableCrashRecovery();

} // namespace modsafe::check

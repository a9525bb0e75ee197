#include "Driver.h"

#include "Analysis.h"
#include "ModuleFacts.h"
#include "Reporter.h"

#include "clang/AST/ASTContext.h"
#include "clang/Frontend/CompilerInstance.h"
#include "llvm/Support/FileSystem.h"

using namespace clang;

namespace modsafe {

namespace {
void modsafeError(CompilerInstance &CI, const std::string &Msg) {
  DiagnosticsEngine &D = CI.getDiagnostics();
  D.Report(D.getCustomDiagID(DiagnosticsEngine::Error, "modsafe: %0")) << Msg;
}
} // namespace

bool loadKnowledgeBase(const Options &Opts, KnowledgeBase &KB,
                       std::string &Error) {
  std::string E;
  if (!KB.loadBuiltin(E)) {
    Error = "built-in knowledge base: " + E;
    return false;
  }
  for (const std::string &F : Opts.RuleFiles)
    if (!KB.loadFile(F, E)) {
      Error = "rules file refused: " + E;
      return false;
    }
  return true;
}

void analyzeAndReport(CompilerInstance &CI, ASTContext &Ctx,
                      const Options &Opts, const KnowledgeBase &KB,
                      TUOutput *Out, const std::string &WorkingDir) {
  // A TU that did not compile has no trustworthy AST, and no report.
  if (CI.getDiagnostics().hasErrorOccurred())
    return;
  Reporter Rep(CI.getDiagnostics(), Ctx.getSourceManager(), Ctx.getLangOpts(),
               Opts);
  AnalysisContext AC(Ctx, CI.getPreprocessor(), KB, Rep, Opts);
  analyzeTranslationUnit(AC, createChecks(Opts));
  if (Out) {
    Out->Analyzed = true;
    Out->Findings = Rep.count();
  }
  if (Opts.ReportDir.empty() && !Out)
    return;

  const SourceManager &SM = Ctx.getSourceManager();
  llvm::SmallString<256> Main(
      SM.getFilename(SM.getLocForStartOfFile(SM.getMainFileID())));
  llvm::SmallString<256> AbsMain(Main);
  if (WorkingDir.empty())
    llvm::sys::fs::make_absolute(AbsMain);
  else
    llvm::sys::fs::make_absolute(WorkingDir, AbsMain);
  const ModuleModel &M = AC.module();
  nlohmann::json Report = Rep.json(std::string(Main.str()), M.IsModule, M.Name);
  if (!WorkingDir.empty())
    Report["working_directory"] = WorkingDir;
  // Facts for the whole-module step (tools/modsafe-link): what the module's
  // other files need to know of this one.
  nlohmann::json Facts =
      moduleFacts(AC, Report["main_file"].get<std::string>(),
                  Report["working_directory"].get<std::string>());
  if (!Opts.ReportDir.empty()) {
    // Unique per TU: the same file may be compiled into several objects.
    std::string Key = std::string(AbsMain.str()) + '\0' +
                      CI.getFrontendOpts().OutputFile;
    std::string Error;
    if (!Reporter::writeReport(Report, Opts.ReportDir, Key, Error) ||
        !Reporter::writeReport(Facts, Opts.ReportDir, Key, Error,
                               ".modsafe-facts.json")) {
      modsafeError(CI, Error);
      if (Out)
        Out->WriteFailed = true;
    }
  }
  if (Out) {
    Out->Report = std::move(Report);
    Out->Facts = std::move(Facts);
  }
}

} // namespace modsafe

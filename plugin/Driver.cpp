#include "Driver.h"

#include "Analysis.h"
#include "ModuleFacts.h"
#include "ProjectConfig.h"
#include "Reporter.h"

#include "clang/AST/ASTContext.h"
#include "clang/Frontend/CompilerInstance.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

using namespace clang;

namespace modsafe {

static void analyzeConfigured(CompilerInstance &CI, ASTContext &Ctx,
                              const Options &Opts, const KnowledgeBase &KB,
                              TUOutput *Out, const std::string &WorkingDir);

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
  // The project's .modsafe.json, found upward from the main file, under
  // the command line's options.
  Options Effective;
  std::unique_ptr<KnowledgeBase> ProjectKB;
  {
    const SourceManager &SM0 = Ctx.getSourceManager();
    llvm::SmallString<256> Dir(
        SM0.getFilename(SM0.getLocForStartOfFile(SM0.getMainFileID())));
    if (WorkingDir.empty())
      llvm::sys::fs::make_absolute(Dir);
    else
      llvm::sys::fs::make_absolute(WorkingDir, Dir);
    llvm::sys::path::remove_filename(Dir);
    ProjectConfig PC;
    std::string Error;
    if (!Opts.NoConfig &&
        (!findProjectConfig(std::string(Dir.str()), PC, Error) ||
         !applyProjectConfig(PC, Opts, Effective, Error))) {
      modsafeError(CI, "project configuration refused: " + Error);
      if (Out)
        Out->WriteFailed = true;
      return;
    }
    if (!PC.Found) {
      Effective = Opts;
    } else if (!PC.Rules.empty()) {
      ProjectKB = std::make_unique<KnowledgeBase>(KB);
      for (const std::string &F : PC.Rules)
        if (!ProjectKB->loadFile(F, Error)) {
          modsafeError(CI, "rules file of " + PC.Path + " refused: " + Error);
          if (Out)
            Out->WriteFailed = true;
          return;
        }
    }
  }
  analyzeConfigured(CI, Ctx, Effective, ProjectKB ? *ProjectKB : KB, Out, WorkingDir);
}

static void analyzeConfigured(CompilerInstance &CI, ASTContext &Ctx,
                              const Options &Opts, const KnowledgeBase &KB,
                              TUOutput *Out, const std::string &WorkingDir) {
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

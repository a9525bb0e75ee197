// The clang plugin: -fplugin=modsafe.so. It runs after clang's own action
// (AddAfterMainAction), only reads the AST, and so never changes what clang
// compiles; findings are warnings that -Werror does not promote.
#include "Analysis.h"
#include "KnowledgeBase.h"
#include "Options.h"
#include "Reporter.h"

#include "clang/AST/ASTConsumer.h"
#include "clang/Basic/Version.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendPluginRegistry.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/raw_ostream.h"

using namespace clang;

namespace modsafe {
namespace {

void pluginError(CompilerInstance &CI, const std::string &Msg) {
  DiagnosticsEngine &D = CI.getDiagnostics();
  D.Report(D.getCustomDiagID(DiagnosticsEngine::Error, "modsafe: %0")) << Msg;
}

class ModsafeConsumer : public ASTConsumer {
public:
  ModsafeConsumer(CompilerInstance &CI, std::shared_ptr<const Options> Opts,
                  std::shared_ptr<const KnowledgeBase> KB)
      : CI(CI), Opts(std::move(Opts)), KB(std::move(KB)) {}

  void HandleTranslationUnit(ASTContext &Ctx) override {
    // A TU that did not compile has no trustworthy AST, and no report.
    if (CI.getDiagnostics().hasErrorOccurred())
      return;
    Reporter Rep(CI.getDiagnostics(), Ctx.getSourceManager(), Ctx.getLangOpts(),
                 *Opts);
    AnalysisContext AC(Ctx, CI.getPreprocessor(), *KB, Rep, *Opts);
    analyzeTranslationUnit(AC, createChecks(*Opts));
    if (Opts->ReportDir.empty())
      return;

    const SourceManager &SM = Ctx.getSourceManager();
    llvm::SmallString<256> Main(
        SM.getFilename(SM.getLocForStartOfFile(SM.getMainFileID())));
    llvm::SmallString<256> AbsMain(Main);
    llvm::sys::fs::make_absolute(AbsMain);
    const ModuleModel &M = AC.module();
    nlohmann::json Report = Rep.json(std::string(Main.str()), M.IsModule, M.Name);
    // Unique per TU: the same file may be compiled into several objects.
    std::string Key = std::string(AbsMain.str()) + '\0' +
                      CI.getFrontendOpts().OutputFile;
    std::string Error;
    if (!Reporter::writeReport(Report, Opts->ReportDir, Key, Error)) {
      pluginError(CI, Error);
      return;
    }
    // Facts for the whole-module step: may-sleep summaries of the functions
    // other files of the module can call.
    nlohmann::json Facts = {{"modsafe_facts", 1},
                            {"main_file", Report["main_file"]},
                            {"module", M.Name},
                            {"is_module", M.IsModule},
                            {"functions", AC.sleep().facts()}};
    if (!Reporter::writeReport(Facts, Opts->ReportDir, Key, Error,
                               ".modsafe-facts.json"))
      pluginError(CI, Error);
  }

private:
  CompilerInstance &CI;
  std::shared_ptr<const Options> Opts;
  std::shared_ptr<const KnowledgeBase> KB;
};

class ModsafeAction : public PluginASTAction {
protected:
  bool ParseArgs(const CompilerInstance &CCI,
                 const std::vector<std::string> &Args) override {
    auto &CI = const_cast<CompilerInstance &>(CCI);
    // A plugin built for another clang would misread every AST node.
    if (clang::getClangFullVersion().find(" " CLANG_VERSION_STRING) ==
        std::string::npos) {
      pluginError(CI, "built for clang " CLANG_VERSION_STRING
                      " but loaded by " + clang::getClangFullVersion() +
                      "; rebuild modsafe with -DMODSAFE_LLVM_VERSION=<major>");
      return false;
    }
    auto O = std::make_shared<Options>();
    for (const std::string &A : Args) {
      std::string Error;
      if (!O->parseArg(A, Error)) {
        pluginError(CI, Error + " (in -fplugin-arg-modsafe-" + A + ")");
        return false;
      }
    }
    if (O->Help)
      llvm::errs() << Options::helpText("-fplugin-arg-modsafe-");
    auto K = std::make_shared<KnowledgeBase>();
    std::string Error;
    if (!K->loadBuiltin(Error)) {
      pluginError(CI, "built-in knowledge base: " + Error);
      return false;
    }
    for (const std::string &F : O->RuleFiles)
      if (!K->loadFile(F, Error)) {
        pluginError(CI, "rules file refused: " + Error);
        return false;
      }
    Opts = std::move(O);
    KB = std::move(K);
    return true;
  }

  ActionType getActionType() override { return AddAfterMainAction; }

  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &CI,
                                                 llvm::StringRef) override {
    return std::make_unique<ModsafeConsumer>(CI, Opts, KB);
  }

private:
  std::shared_ptr<const Options> Opts;
  std::shared_ptr<const KnowledgeBase> KB;
};

} // namespace
} // namespace modsafe

static clang::FrontendPluginRegistry::Add<modsafe::ModsafeAction>
    X("modsafe", "module-safe interface checks for Linux kernel modules");

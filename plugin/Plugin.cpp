// The clang plugin: -fplugin=modsafe.so. It runs after clang's own action
// (AddAfterMainAction), only reads the AST, and so never changes what clang
// compiles; findings are warnings that -Werror does not promote.
#include "Driver.h"
#include "KnowledgeBase.h"
#include "Options.h"

#include "clang/AST/ASTConsumer.h"
#include "clang/Basic/Version.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendPluginRegistry.h"
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
    analyzeAndReport(CI, Ctx, *Opts, *KB);
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
    if (!loadKnowledgeBase(*O, *K, Error)) {
      pluginError(CI, Error);
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

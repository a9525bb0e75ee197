#include "Runner.h"
#include "ProjectConfig.h"
#include "BodyPlan.h"
#include "DriverCompat.h"
#include "llvm/Support/Path.h"

#include "clang/AST/ASTConsumer.h"
#include "clang/AST/ASTContext.h"
#include "clang/Basic/DiagnosticIDs.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Frontend/TextDiagnosticPrinter.h"
#include "clang/Lex/Preprocessor.h"
#include "clang/Serialization/PCHContainerOperations.h"
#include "clang/Parse/Parser.h"
#include "clang/Sema/Sema.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/Support/CrashRecoveryContext.h"
#include "llvm/Support/VirtualFileSystem.h"
#include "llvm/Support/raw_ostream.h"

#include <time.h>

using namespace clang;

namespace modsafe::check {

namespace {

/// Lets through clang's errors and modsafe's own diagnostics: modsafe-check
/// is not the compiler, and the build already printed clang's warnings
/// (they are turned off, see below; a #pragma may turn one back on).
class FilteringConsumer : public DiagnosticConsumer {
public:
  explicit FilteringConsumer(DiagnosticConsumer &Next) : Next(Next) {}
  void BeginSourceFile(const LangOptions &LO, const Preprocessor *PP) override {
    Next.BeginSourceFile(LO, PP);
  }
  void EndSourceFile() override { Next.EndSourceFile(); }
  void finish() override { Next.finish(); }
  void clear() override {
    DiagnosticConsumer::clear();
    Next.clear();
  }
  void HandleDiagnostic(DiagnosticsEngine::Level L,
                        const Diagnostic &Info) override {
    bool Keep;
    if (L == DiagnosticsEngine::Note)
      Keep = LastKept;
    else if (L >= DiagnosticsEngine::Error)
      Keep = true;
    else // modsafe's findings are custom diagnostics
      Keep = Info.getID() >= diag::DIAG_UPPER_LIMIT;
    if (L != DiagnosticsEngine::Note)
      LastKept = Keep;
    if (!Keep)
      return;
    DiagnosticConsumer::HandleDiagnostic(L, Info); // counts
    Next.HandleDiagnostic(L, Info);
  }

private:
  DiagnosticConsumer &Next;
  bool LastKept = false;
};

class ModsafeConsumer : public ASTConsumer {
public:
  ModsafeConsumer(CompilerInstance &CI, const RunConfig &C,
                  const std::string &WorkDir, TUOutput &Out, BodyPlan *Plan)
      : CI(CI), C(C), WorkDir(WorkDir), Out(Out), Plan(Plan) {}

  bool shouldSkipFunctionBody(Decl *D) override {
    return Plan && Plan->shouldSkip(D->getAsFunction(), CI.getSourceManager());
  }

  void HandleTranslationUnit(ASTContext &Ctx) override {
    if (Plan && Plan->anomaly())
      return; // the TU is parsed again, in full
    analyzeAndReport(CI, Ctx, *C.Opts, *C.KB, &Out, WorkDir);
  }

private:
  CompilerInstance &CI;
  const RunConfig &C;
  const std::string &WorkDir;
  TUOutput &Out;
  BodyPlan *Plan;
};

class ModsafeFrontendAction : public ASTFrontendAction {
public:
  ModsafeFrontendAction(const RunConfig &C, const std::string &WorkDir,
                        TUOutput &Out, BodyPlan *Plan)
      : C(C), WorkDir(WorkDir), Out(Out), Plan(Plan) {}

protected:
  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &CI,
                                                 llvm::StringRef) override {
    return std::make_unique<ModsafeConsumer>(CI, C, WorkDir, Out, Plan);
  }

  void ExecuteAction() override {
    if (!Plan)
      return ASTFrontendAction::ExecuteAction();
    CompilerInstance &CI = getCompilerInstance();
    if (!CI.hasPreprocessor())
      return;
    if (!CI.hasSema())
      CI.createSema(getTranslationUnitKind(), nullptr);
    parse(CI.getSema());
  }

private:
  // clang's ParseAST, with the preprocessing done first (BodyPlan::scan)
  // and the parser reading the kept tokens.
  void parse(Sema &S) {
    Preprocessor &PP = S.getPreprocessor();
    ASTConsumer &Consumer = S.getASTConsumer();
    // The parser installs its pragma and comment handlers: they run while
    // the plan preprocesses, as in a normal parse.
    auto P = std::make_unique<Parser>(PP, S, /*SkipFunctionBodies=*/true);
    PP.EnterMainSourceFile();
    if (PP.getCurrentLexer()) {
      Plan->scan(PP);
      Plan->solve(PP);
      PP.EnterTokenStream(Plan->tokens(), /*DisableMacroExpansion=*/true,
                          /*IsReinject=*/true);
      P->Initialize();
      Parser::DeclGroupPtrTy ADecl;
      driver_compat::TopLevelParser TP(*P);
      for (bool AtEOF = TP.first(ADecl); !AtEOF; AtEOF = TP.next(ADecl))
        if (ADecl && !Consumer.HandleTopLevelDecl(ADecl.get()))
          return;
    }
    for (Decl *D : S.WeakTopLevelDecls())
      Consumer.HandleTopLevelDecl(DeclGroupRef(D));
    Consumer.HandleTranslationUnit(S.getASTContext());
  }

  const RunConfig &C;
  const std::string &WorkDir;
  TUOutput &Out;
  BodyPlan *Plan;
};

class ModsafeToolAction : public tooling::ToolAction {
public:
  ModsafeToolAction(const RunConfig &C, const TUJob &J, TUOutput &Out,
                    BodyPlan *Plan, llvm::raw_ostream &Verbose)
      : C(C), J(J), Out(Out), Plan(Plan), Verbose(Verbose) {}

  bool runInvocation(std::shared_ptr<CompilerInvocation> Inv,
                     FileManager *Files,
                     std::shared_ptr<PCHContainerOperations> PCH,
                     DiagnosticConsumer *DC) override {
    FrontendOptions &FO = Inv->getFrontendOpts();
    // The report file is named after the object the build writes, as the
    // plugin's is; nothing is written.
    FO.OutputFile = J.Args.Output;
    FO.Plugins.clear();
    FO.AddPluginActions.clear();
    FO.PluginArgs.clear();
    FO.ActionName.clear();
    // clang's own warnings cost time (CFG-based ones build a CFG for every
    // function of every header) and are the build's business. modsafe's
    // findings are custom diagnostics, which no -W option affects; errors
    // stay errors.
    Inv->getDiagnosticOpts().Warnings.push_back("no-everything");

    CompilerInstance CI(std::move(PCH));
    CI.setInvocation(std::move(Inv));
    CI.setFileManager(Files);
    CI.createDiagnostics(DC, /*ShouldOwnClient=*/false);
    if (!CI.hasDiagnostics())
      return false;
    CI.createSourceManager(*Files);
    // "N warnings generated.": kept for the compiler mode's stderr.
    CI.setVerboseOutputStream(Verbose);
    ModsafeFrontendAction A(C, J.Directory, Out, Plan);
    bool Ok = CI.ExecuteAction(A);
    Files->clearStatCache();
    return Ok;
  }

private:
  const RunConfig &C;
  const TUJob &J;
  TUOutput &Out;
  BodyPlan *Plan;
  llvm::raw_ostream &Verbose;
};

double threadCpuSeconds() {
  timespec T;
  if (clock_gettime(CLOCK_THREAD_CPUTIME_ID, &T) != 0)
    return 0;
  return double(T.tv_sec) + double(T.tv_nsec) * 1e-9;
}

void runOnce(const TUJob &J, const RunConfig &C, bool Fast, TUResult &R) {
  std::vector<std::string> Cmd = syntaxOnlyCommand(
      J.Args, J.Input, C.ResourceDir, C.ExtraBefore, C.ExtraAfter);
  std::string Text, VerboseText;
  llvm::raw_string_ostream OS(Text), Verbose(VerboseText);
  IntrusiveRefCntPtr<DiagnosticOptions> DO = new DiagnosticOptions();
  DO->ShowColors = C.Color;
  TextDiagnosticPrinter Printer(OS, DO.get());
  FilteringConsumer DC(Printer);

  std::unique_ptr<llvm::vfs::FileSystem> PFS =
      llvm::vfs::createPhysicalFileSystem();
  if (std::error_code EC = PFS->setCurrentWorkingDirectory(J.Directory)) {
    R.St = TUResult::Failed;
    R.Error = "cannot use directory '" + J.Directory + "': " + EC.message();
    return;
  }
  IntrusiveRefCntPtr<llvm::vfs::FileSystem> FS(PFS.release());
  IntrusiveRefCntPtr<FileManager> Files(new FileManager(FileSystemOptions(), FS));
  // Declared before the invocation: the preprocessor keeps a callback
  // pointing into the plan.
  // The header filter in effect, the project's .modsafe.json included: the
  // headers it names are analysed, so their bodies are kept.
  std::string HeaderFilter = C.Opts->HeaderFilter;
  if (HeaderFilter.empty() && !C.Opts->NoConfig) {
    llvm::SmallString<256> Dir(J.Input);
    if (llvm::sys::path::is_relative(Dir)) {
      llvm::SmallString<256> Abs(J.Directory);
      llvm::sys::path::append(Abs, Dir);
      Dir = Abs;
    }
    llvm::sys::path::remove_filename(Dir);
    ProjectConfig PC;
    std::string Ignored; // a bad file is reported by the analysis itself
    if (findProjectConfig(std::string(Dir.str()), PC, Ignored) && PC.Found)
      HeaderFilter = PC.HeaderFilter;
  }
  BodyPlan Plan(HeaderFilter);
  TUOutput Out;
  ModsafeToolAction A(C, J, Out, Fast ? &Plan : nullptr, Verbose);
  tooling::ToolInvocation Inv(Cmd, &A, Files.get(),
                              std::make_shared<PCHContainerOperations>());
  Inv.setDiagnosticConsumer(&DC);
  bool Ok = Inv.run();
  OS.flush();
  Verbose.flush();

  if (Fast) {
    R.Functions = Plan.functions();
    R.BodiesSkipped = Plan.anomaly() ? 0 : Plan.skipped();
  }
  if (Fast && Plan.anomaly()) {
    R.Reparsed = true;
    return;
  }
  R.Diagnostics = Text + (C.ClangSummary ? VerboseText : "");
  R.Out = std::move(Out);
  if (DC.getNumErrors() && !R.Out.Analyzed && !R.Out.WriteFailed) {
    R.St = TUResult::CompileError;
    R.Error = "clang reported errors (it does not compile with these flags)";
  } else if (R.Out.WriteFailed) {
    R.St = TUResult::Failed;
    R.Error = "the report could not be written";
  } else if (!R.Out.Analyzed || (!Ok && DC.getNumErrors() == 0)) {
    R.St = TUResult::Failed;
    R.Error = "clang could not run on it";
  } else {
    R.St = TUResult::Ok;
  }
}

} // namespace

void enableCrashRecovery() { llvm::CrashRecoveryContext::Enable(); }

TUResult runTranslationUnit(const TUJob &J, const RunConfig &C) {
  TUResult R;
  double T0 = threadCpuSeconds();
  llvm::CrashRecoveryContext CRC;
  bool Survived = CRC.RunSafely([&] {
    runOnce(J, C, C.FastParse, R);
    if (R.Reparsed)
      runOnce(J, C, /*Fast=*/false, R);
  });
  if (!Survived) {
    R = TUResult();
    R.St = TUResult::Failed;
    R.Error = "modsafe-check crashed on it (please report this, with the "
              "file and its compile command)";
  }
  R.Seconds = threadCpuSeconds() - T0;
  return R;
}

} // namespace modsafe::check

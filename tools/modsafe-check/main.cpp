// modsafe-check: the standalone driver. The same analysis as the clang plugin
// (plugin/Driver.h), run over a compilation database or, in kbuild's checker
// slot, over one compiler command line. docs/usage.md describes it all.
#include "Args.h"
#include "CompileDb.h"
#include "Output.h"
#include "Runner.h"

#include "Compat.h"
#include "Driver.h"
#include "ModsafeReport.h"

#include "clang/Basic/Version.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/raw_ostream.h"

#include <pthread.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <map>
#include <set>
#include <thread>

#ifndef MODSAFE_VERSION
#define MODSAFE_VERSION "0.0.0"
#endif
#ifndef MODSAFE_CLANG_RESOURCE_DIR
#define MODSAFE_CLANG_RESOURCE_DIR ""
#endif

using namespace modsafe;
using namespace modsafe::check;
using compat::startsWith;

namespace {

constexpr int ExitClean = 0, ExitFindings = 1, ExitError = 2;

const char *const Usage = R"(usage: modsafe-check -p BUILD_DIR [options] [FILE|DIR...]
       modsafe-check [options] [--] COMPILER-ARGS... SOURCE.c
)";

std::string helpText() {
  std::string H = std::string(
      "modsafe-check: module-safe interface checks for Linux kernel C code,\n"
      "the same analysis as the modsafe clang plugin, without building.\n\n") +
                  Usage + R"(
Over a compilation database (-p):
  -p DIR|FILE             compile_commands.json, or the directory holding it
                          (Linux: scripts/clang-tools/gen_compile_commands.py)
  FILE|DIR...             only these sources (a directory: every source under it)
  -j N, --jobs=N          translation units in parallel (default 1; 0: one per core)
  --format=text|json|sarif  report format (default text)
  -o FILE, --output=FILE  write the report to FILE (atomically) instead of stdout
  --shard=I/N             check only shard I of N, 1 <= I <= N: the selected
                          sources sorted by path, every N-th one
  --keep-going            go on after a translation unit fails (still exit 2)
  --src-root=DIR          report paths relative to DIR, SARIF's SRCROOT (default:
                          the common working directory of the TUs, for kbuild
                          the kernel tree)
  --quiet                 no progress and no summary on stderr
  --extra-arg=ARG         append ARG to every compile command (repeatable)
  --extra-arg-before=ARG  prepend ARG to every compile command (repeatable)

As a compiler (no -p; kbuild: make C=1|C=2 CHECK="modsafe-check ..."):
  the arguments are one compile command line (kbuild's CHECKFLAGS are
  accepted); findings are printed on stderr like clang's warnings.

Analysis (both forms; the plugin's -fplugin-arg-modsafe-NAME options):
  --checks=GLOBS          enable/disable checks, clang-tidy style: -*,missing-owner
  --rules=FILE            add a knowledge-base file (repeatable)
  --header-filter=RE      also report findings in headers whose path matches RE
  --assume-module         apply module-only checks to code built without -DMODULE
  --no-config             do not read the project's .modsafe.json
  --list-unused-suppressions
                          warn on 'modsafe: ignore' comments that suppress nothing
  --werror                findings are errors (compiler form: exit status 1)
  --report-dir=DIR        one JSON report (and fact file) per translation unit,
                          as the plugin writes them
  --full-parse            parse every function body (slower, same findings)
  --stats                 timing and fast-path statistics on stderr
  --list-checks           the checks, then exit
  --version, --help

Exit status: 0 no findings, 1 findings, 2 usage error, unreadable or malformed
input, or a translation unit that could not be checked. As a compiler the
status is 0 with findings (they are warnings) unless --werror.
)";
  return H;
}

struct CmdLine {
  bool DbMode = false;
  std::string DbPath;
  std::vector<std::string> Files; // db mode: selection
  std::vector<std::string> CompilerArgs;
  unsigned Jobs = 1;
  std::string Format; // empty: default
  std::string Output;
  unsigned ShardI = 0, ShardN = 0;
  bool KeepGoing = false, Quiet = false, FullParse = false, Stats = false;
  std::string SrcRoot;
  std::vector<std::string> ExtraBefore, ExtraAfter;
  std::vector<std::string> AnalysisArgs; // for Options::parseArg
  bool Help = false, Version = false, ListChecks = false;
};

[[noreturn]] void usageError(const std::string &Msg) {
  llvm::errs() << "modsafe-check: error: " << Msg << "\n" << Usage
               << "(modsafe-check --help for the options)\n";
  exit(ExitError);
}

[[noreturn]] void fatal(const std::string &Msg) {
  llvm::errs() << "modsafe-check: error: " << Msg << "\n";
  exit(ExitError);
}

bool parseUnsigned(llvm::StringRef S, unsigned &V) {
  return !S.empty() && !S.getAsInteger(10, V);
}

CmdLine parseCommandLine(int argc, char **argv) {
  CmdLine C;
  std::vector<std::string> Args(argv + 1, argv + argc);
  // Database mode is chosen by -p anywhere before "--".
  for (const std::string &A : Args) {
    if (A == "--")
      break;
    if (A == "-p" || startsWith(A, "-p=") || startsWith(A, "--build-dir="))
      C.DbMode = true;
  }
  auto value = [&](size_t &I, llvm::StringRef Name) -> std::string {
    llvm::StringRef A = Args[I];
    if (A.size() > Name.size() && A[Name.size()] == '=')
      return A.substr(Name.size() + 1).str();
    if (A == Name) {
      if (I + 1 >= Args.size())
        usageError("option '" + Name.str() + "' needs a value");
      return Args[++I];
    }
    return A.substr(Name.size()).str(); // -j4
  };
  auto matches = [](llvm::StringRef A, llvm::StringRef Name) {
    return A == Name || (startsWith(A, Name) && A.size() > Name.size() &&
                         A[Name.size()] == '=');
  };
  bool Rest = false;
  for (size_t I = 0; I < Args.size(); ++I) {
    llvm::StringRef A = Args[I];
    if (Rest) {
      (C.DbMode ? C.Files : C.CompilerArgs).push_back(A.str());
      continue;
    }
    if (A == "--") {
      Rest = true;
      continue;
    }
    // Options of both forms.
    if (A == "--help" || A == "-h" || A == "-help") {
      C.Help = true;
    } else if (A == "--version") {
      C.Version = true;
    } else if (A == "--list-checks") {
      C.ListChecks = true;
    } else if (matches(A, "--checks") || matches(A, "--rules") ||
               matches(A, "--header-filter") || matches(A, "--report-dir")) {
      std::string Name = A.substr(2, A.find('=') == llvm::StringRef::npos
                                         ? llvm::StringRef::npos
                                         : A.find('=') - 2)
                             .str();
      std::string V = value(I, "--" + Name);
      if (Name == "report-dir" && !V.empty())
        V = absolutePath("", V);
      C.AnalysisArgs.push_back(Name + "=" + V);
    } else if (A == "--assume-module" || A == "--werror" || A == "--no-config" ||
               A == "--list-unused-suppressions") {
      C.AnalysisArgs.push_back(A.substr(2).str());
    } else if (A == "--full-parse") {
      C.FullParse = true;
    } else if (A == "--stats") {
      C.Stats = true;
    } else if (matches(A, "--format")) {
      C.Format = value(I, "--format");
    } else if (matches(A, "--output")) {
      C.Output = value(I, "--output");
    } else if (matches(A, "--extra-arg")) {
      C.ExtraAfter.push_back(value(I, "--extra-arg"));
    } else if (matches(A, "--extra-arg-before")) {
      C.ExtraBefore.push_back(value(I, "--extra-arg-before"));
    } else if (C.DbMode) {
      // Options of the database form.
      if (A == "-p" || startsWith(A, "-p=")) {
        if (!C.DbPath.empty())
          usageError("-p given twice");
        C.DbPath = value(I, "-p");
      } else if (matches(A, "--build-dir")) {
        C.DbPath = value(I, "--build-dir");
      } else if (A == "-j" || (startsWith(A, "-j") && A.size() > 2) ||
                 matches(A, "--jobs")) {
        std::string V = startsWith(A, "--") ? value(I, "--jobs") : value(I, "-j");
        if (!parseUnsigned(V, C.Jobs) || C.Jobs > 1024)
          usageError("-j takes a number of jobs (0: one per core), not '" + V + "'");
      } else if (A == "-o") {
        C.Output = value(I, "-o");
      } else if (matches(A, "--shard")) {
        std::string V = value(I, "--shard");
        llvm::StringRef L, R;
        std::tie(L, R) = llvm::StringRef(V).split('/');
        if (!parseUnsigned(L, C.ShardI) || !parseUnsigned(R, C.ShardN) ||
            C.ShardN == 0 || C.ShardI == 0 || C.ShardI > C.ShardN)
          usageError("--shard takes I/N with 1 <= I <= N (e.g. --shard=2/4), "
                     "not '" + V + "'");
      } else if (A == "--keep-going" || A == "-k") {
        C.KeepGoing = true;
      } else if (A == "--quiet" || A == "-q") {
        C.Quiet = true;
      } else if (matches(A, "--src-root") || matches(A, "--srcroot")) {
        C.SrcRoot = value(I, startsWith(A, "--srcroot") ? "--srcroot" : "--src-root");
      } else if (startsWith(A, "-") && A != "-") {
        usageError("unknown option '" + A.str() + "'");
      } else {
        C.Files.push_back(A.str());
      }
    } else {
      // The compiler form: everything else is the compile command.
      if (matches(A, "--src-root") || matches(A, "--srcroot"))
        C.SrcRoot = value(I, startsWith(A, "--srcroot") ? "--srcroot" : "--src-root");
      else if (matches(A, "--jobs") || matches(A, "--shard") ||
               A == "--keep-going")
        usageError("option '" + A.str() + "' needs -p BUILD_DIR");
      else if (A == "--quiet")
        C.Quiet = true;
      else
        C.CompilerArgs.push_back(A.str());
    }
  }
  return C;
}

std::string listChecks() {
  std::string R;
  for (const CheckInfo &C : checkCatalogue()) {
    std::string Id = C.Id;
    R += Id + std::string(Id.size() < 24 ? 24 - Id.size() : 1, ' ') +
         (C.Implemented ? "" : "(planned) ") + "[" + C.Rule + "] " + C.Summary +
         "\n";
  }
  return R;
}

std::string resourceDir() {
  if (const char *E = getenv("MODSAFE_RESOURCE_DIR"))
    return E;
  std::string D = MODSAFE_CLANG_RESOURCE_DIR;
  return llvm::sys::fs::is_directory(D) ? D : "";
}

// Whether compiler-form diagnostics get colours, as clang decides.
bool wantColor(const std::vector<std::string> &Args) {
  bool Color = llvm::sys::Process::StandardErrHasColors() && !getenv("NO_COLOR");
  for (const std::string &A : Args) {
    if (A == "-fcolor-diagnostics" || A == "-fdiagnostics-color" ||
        A == "-fdiagnostics-color=always")
      Color = true;
    else if (A == "-fno-color-diagnostics" || A == "-fno-diagnostics-color" ||
             A == "-fdiagnostics-color=never")
      Color = false;
  }
  return Color;
}

/// Runs Jobs in parallel on Threads threads with big stacks (clang recurses
/// deeply on kernel macros); calls Done(i) as each finishes. Stops handing
/// out work once Stop is set.
void runParallel(size_t N, unsigned Threads,
                 const std::function<void(size_t)> &Work,
                 const std::atomic<bool> &Stop) {
  std::atomic<size_t> Next{0};
  struct Ctx {
    std::atomic<size_t> *Next;
    size_t N;
    const std::function<void(size_t)> *Work;
    const std::atomic<bool> *Stop;
  } X{&Next, N, &Work, &Stop};
  auto Body = [](void *P) -> void * {
    Ctx &C = *static_cast<Ctx *>(P);
    for (;;) {
      if (C.Stop->load())
        break;
      size_t I = C.Next->fetch_add(1);
      if (I >= C.N)
        break;
      (*C.Work)(I);
    }
    return nullptr;
  };
  std::vector<pthread_t> Ts;
  pthread_attr_t Attr;
  pthread_attr_init(&Attr);
  pthread_attr_setstacksize(&Attr, 16 << 20);
  for (unsigned T = 0; T < Threads; ++T) {
    pthread_t Th;
    if (pthread_create(&Th, &Attr, Body, &X) == 0)
      Ts.push_back(Th);
  }
  pthread_attr_destroy(&Attr);
  if (Ts.empty())
    Body(&X); // could not start threads: do it here
  for (pthread_t Th : Ts)
    pthread_join(Th, nullptr);
}

/// Renders the per-TU reports in Format with the report library.
bool render(const std::vector<nlohmann::json> &Reports, const std::string &Format,
            const std::string &SrcRoot, bool Color, std::string &Text,
            std::string &Error) {
  try {
    report::MergeOptions MO;
    if (!SrcRoot.empty())
      MO.SrcRoot = absolutePath("", SrcRoot);
    nlohmann::json Merged = report::merge(Reports, MO);
    if (!Merged.is_object()) {
      Error = "the report library returned no merged report";
      return false;
    }
    if (Format == "json") {
      Text = Merged.dump(2) + "\n";
    } else if (Format == "sarif") {
      report::SarifOptions SO;
      if (!SrcRoot.empty())
        SO.SrcRoot = absolutePath("", SrcRoot);
      nlohmann::json S = report::toSarif(Merged, SO);
      if (!S.is_object()) {
        Error = "SARIF output is not available in this build of the report "
                "library (tools/lib)";
        return false;
      }
      Text = S.dump(2) + "\n";
    } else {
      Text = report::toText(Merged, Color);
    }
  } catch (const std::exception &E) {
    Error = std::string("cannot render the report: ") + E.what();
    return false;
  }
  return true;
}

std::string relativeTo(const std::string &Path, const std::string &Dir) {
  std::string D = Dir;
  if (!D.empty() && D.back() != '/')
    D += '/';
  if (!D.empty() && startsWith(Path, D))
    return Path.substr(D.size());
  return Path;
}

std::string plural(size_t N, const char *Word) {
  return std::to_string(N) + " " + Word + (N == 1 ? "" : "s");
}

struct Stats {
  double Cpu = 0;
  unsigned Functions = 0, Skipped = 0, Reparsed = 0;
};

void printStats(const Stats &S, size_t TUs, double Wall) {
  llvm::errs() << "modsafe-check: stats: " << TUs << " TUs, cpu "
               << llvm::format("%.2f", S.Cpu) << "s, wall "
               << llvm::format("%.2f", Wall) << "s; header function bodies skipped "
               << S.Skipped << " of " << S.Functions << " definitions; "
               << S.Reparsed << " TU(s) parsed again in full\n";
}

// ---- the compiler form ----------------------------------------------------

int runCompilerForm(const CmdLine &CL, const RunConfig &RC) {
  if (!CL.Format.empty() && CL.Output.empty())
    usageError("--format needs --output=FILE in the compiler form (findings "
               "are printed on stderr)");
  CompilerArgs A = sanitizeCompilerArgs(CL.CompilerArgs, /*Kbuild=*/true);
  for (const std::string &U : A.Unknown)
    if (startsWith(U, "--"))
      usageError("unknown option '" + U + "'");
  if (A.Inputs.empty())
    usageError(CL.CompilerArgs.empty()
                   ? "nothing to check: give -p BUILD_DIR, or a compile command"
                   : "no source file in the compile command");
  if (!CL.Output.empty()) {
    std::string E;
    if (!checkWritable(CL.Output, E))
      fatal(E);
  }
  llvm::SmallString<256> Cwd;
  llvm::sys::fs::current_path(Cwd);
  int Status = ExitClean;
  size_t Findings = 0;
  Stats St;
  auto T0 = std::chrono::steady_clock::now();
  std::vector<nlohmann::json> Reports;
  for (const std::string &In : A.Inputs) {
    std::string Abs = absolutePath(std::string(Cwd.str()), In);
    if (std::error_code EC =
            llvm::sys::fs::access(Abs, llvm::sys::fs::AccessMode::Exist)) {
      llvm::errs() << In << ": error: no such file: " << EC.message() << "\n";
      Status = ExitError;
      continue;
    }
    int FD;
    if (std::error_code EC = llvm::sys::fs::openFileForRead(Abs, FD)) {
      llvm::errs() << In << ": error: cannot read: " << EC.message() << "\n";
      Status = ExitError;
      continue;
    }
    close(FD);
    TUJob J;
    J.Directory = std::string(Cwd.str());
    J.Input = In;
    J.Args = A;
    TUResult R = runTranslationUnit(J, RC);
    llvm::errs() << R.Diagnostics;
    St.Cpu += R.Seconds;
    St.Functions += R.Functions;
    St.Skipped += R.BodiesSkipped;
    St.Reparsed += R.Reparsed;
    if (R.St != TUResult::Ok) {
      llvm::errs() << "modsafe-check: error: " << In << ": " << R.Error << "\n";
      Status = ExitError;
      continue;
    }
    Findings += R.Out.Findings;
    Reports.push_back(std::move(R.Out.Report));
  }
  if (CL.Stats)
    printStats(St, A.Inputs.size(),
               std::chrono::duration<double>(std::chrono::steady_clock::now() - T0)
                   .count());
  if (Status == ExitError)
    return ExitError;
  if (!CL.Output.empty()) {
    std::string Text, E;
    if (!render(Reports, CL.Format.empty() ? "json" : CL.Format, CL.SrcRoot,
                false, Text, E) ||
        !writeFileAtomically(CL.Output, Text, E))
      fatal(E);
  }
  return Findings && RC.Opts->Werror ? ExitFindings : ExitClean;
}

// ---- the database form ----------------------------------------------------

int runDatabaseForm(const CmdLine &CL, const RunConfig &RC) {
  if (CL.DbPath.empty())
    usageError("-p needs the build directory (or its compile_commands.json)");
  if (!CL.CompilerArgs.empty())
    usageError("unexpected '" + CL.CompilerArgs.front() + "'");
  std::string Format = CL.Format.empty() ? "text" : CL.Format;
  std::string DbFile, Error;
  if (!locateCompileDb(CL.DbPath, DbFile, Error))
    fatal(Error);
  std::vector<CompileEntry> Db;
  if (!loadCompileDb(DbFile, Db, Error))
    fatal(Error);

  // The selection: FILES, or the whole database.
  std::vector<const CompileEntry *> Sel;
  if (CL.Files.empty()) {
    for (const CompileEntry &E : Db)
      Sel.push_back(&E);
  } else {
    std::set<unsigned> Taken;
    std::map<unsigned, std::string> RealPaths;
    std::vector<std::string> Missing;
    for (const std::string &F : CL.Files) {
      std::string Abs = absolutePath("", F);
      bool Dir = llvm::sys::fs::is_directory(Abs) || compat::endsWith(F, "/");
      bool Any = false;
      auto take = [&](const CompileEntry &E) {
        Any = true;
        if (Taken.insert(E.Index).second)
          Sel.push_back(&E);
      };
      for (const CompileEntry &E : Db)
        if (Dir ? startsWith(E.AbsFile, Abs + "/") : E.AbsFile == Abs)
          take(E);
      llvm::SmallString<256> RA;
      if (!Any && !Dir && !llvm::sys::fs::real_path(Abs, RA)) {
        // The same file by another path (symbolic links).
        for (const CompileEntry &E : Db) {
          auto It = RealPaths.find(E.Index);
          if (It == RealPaths.end()) {
            llvm::SmallString<256> RE;
            if (llvm::sys::fs::real_path(E.AbsFile, RE))
              RE = E.AbsFile;
            It = RealPaths.emplace(E.Index, std::string(RE.str())).first;
          }
          if (It->second == RA.str())
            take(E);
        }
      }
      if (!Any)
        Missing.push_back(F);
    }
    if (!Missing.empty()) {
      for (const std::string &F : Missing)
        llvm::errs() << F << ": error: not in the compilation database "
                     << DbFile << "\n";
      return ExitError;
    }
  }
  // Assembler sources (newer kernels list them too) are not C.
  size_t Assembler = 0;
  Sel.erase(std::remove_if(Sel.begin(), Sel.end(),
                           [&](const CompileEntry *E) {
                             llvm::StringRef X = llvm::sys::path::extension(E->AbsFile);
                             bool Asm = X == ".S" || X == ".s" || X == ".sx" || X == ".asm";
                             Assembler += Asm;
                             return Asm;
                           }),
            Sel.end());
  if (Assembler && !CL.Quiet)
    llvm::errs() << "modsafe-check: note: skipping " << plural(Assembler, "assembler source")
                 << "\n";
  // Deterministic order; shards partition it.
  std::stable_sort(Sel.begin(), Sel.end(),
                   [](const CompileEntry *A, const CompileEntry *B) {
                     return std::tie(A->AbsFile, A->Index) <
                            std::tie(B->AbsFile, B->Index);
                   });
  if (CL.ShardN) {
    std::vector<const CompileEntry *> S;
    for (size_t I = 0; I < Sel.size(); ++I)
      if (I % CL.ShardN == CL.ShardI - 1)
        S.push_back(Sel[I]);
    Sel.swap(S);
  }

  // Every source must be readable before anything runs.
  std::vector<TUJob> Jobs;
  std::set<std::string> Unknown;
  bool Bad = false;
  for (const CompileEntry *E : Sel) {
    std::string Where = DbFile + ":" + std::to_string(E->Line);
    int FD;
    if (std::error_code EC = llvm::sys::fs::openFileForRead(E->AbsFile, FD)) {
      llvm::errs() << E->AbsFile << ": error: cannot read source file: "
                   << EC.message() << " (compile command at " << Where << ")\n";
      Bad = true;
      continue;
    }
    close(FD);
    TUJob J;
    J.Directory = E->Directory;
    std::vector<std::string> Rest(E->Command.begin() + 1, E->Command.end());
    J.Args = sanitizeCompilerArgs(Rest, /*Kbuild=*/false);
    J.Args.Program = E->Command.front();
    if (!E->Output.empty())
      J.Args.Output = E->Output;
    Unknown.insert(J.Args.Unknown.begin(), J.Args.Unknown.end());
    // The input among the command's: the entry's file.
    for (const std::string &In : J.Args.Inputs)
      if (absolutePath(E->Directory, In) == E->AbsFile)
        J.Input = In;
    if (J.Input.empty()) {
      if (!J.Args.Inputs.empty()) {
        llvm::errs() << Where << ": error: the command of '" << E->File
                     << "' compiles other sources\n";
        Bad = true;
        continue;
      }
      J.Input = E->File;
      J.Args.Args.push_back(E->File);
      J.Args.Inputs.push_back(E->File);
    }
    Jobs.push_back(std::move(J));
  }
  if (Bad)
    return ExitError;
  if (!CL.Output.empty() && !checkWritable(CL.Output, Error))
    fatal(Error);
  if (!Unknown.empty() && !CL.Quiet) {
    std::string L;
    for (const std::string &U : Unknown)
      L += " " + U;
    llvm::errs() << "modsafe-check: warning: ignoring compiler arguments clang "
                    "does not know:" << L << "\n";
  }

  unsigned Threads = CL.Jobs ? CL.Jobs : std::max(1u, std::thread::hardware_concurrency());
  Threads = unsigned(std::max<size_t>(1, std::min<size_t>(Threads, Jobs.size())));
  std::vector<TUResult> Results(Jobs.size());
  std::vector<char> Ran(Jobs.size(), 0);
  std::atomic<bool> Stop{false};
  std::string BaseDir = absolutePath("", ".");
  Progress Prog(Jobs.size(), Threads, CL.Quiet);
  auto T0 = std::chrono::steady_clock::now();
  runParallel(Jobs.size(), Threads, [&](size_t I) {
    Results[I] = runTranslationUnit(Jobs[I], RC);
    Ran[I] = 1;
    const TUResult &R = Results[I];
    bool Failed = R.St != TUResult::Ok;
    if (Failed && !CL.KeepGoing)
      Stop = true;
    Prog.done(relativeTo(absolutePath(Jobs[I].Directory, Jobs[I].Input), BaseDir),
              R.Out.Findings, Failed);
  }, Stop);
  double Wall =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - T0).count();

  size_t Findings = 0, Failures = 0, Checked = 0, FilesWith = 0;
  Stats St;
  std::vector<nlohmann::json> Reports;
  std::string FailText;
  for (size_t I = 0; I < Jobs.size(); ++I) {
    if (!Ran[I])
      continue;
    TUResult &R = Results[I];
    St.Cpu += R.Seconds;
    St.Functions += R.Functions;
    St.Skipped += R.BodiesSkipped;
    St.Reparsed += R.Reparsed;
    std::string Name = absolutePath(Jobs[I].Directory, Jobs[I].Input);
    if (R.St != TUResult::Ok) {
      ++Failures;
      FailText += "modsafe-check: error: " + Name + ": " + R.Error + "\n" +
                  R.Diagnostics;
      continue;
    }
    ++Checked;
    Findings += R.Out.Findings;
    FilesWith += R.Out.Findings != 0;
    Reports.push_back(std::move(R.Out.Report));
  }
  if (!FailText.empty())
    Prog.print(FailText);
  std::string Summary =
      "modsafe-check: " + plural(Checked, "translation unit") + " checked, " +
      plural(Findings, "finding") +
      (Findings ? " in " + plural(FilesWith, "file") : std::string()) +
      (Failures ? ", " + std::to_string(Failures) + " failed" : std::string()) +
      (Checked + Failures < Jobs.size()
           ? ", " + std::to_string(Jobs.size() - Checked - Failures) +
                 " not run (stopped at the first failure; --keep-going goes on)"
           : std::string());
  Prog.finish(Summary);
  if (CL.Stats)
    printStats(St, Checked + Failures, Wall);
  if (Failures && !CL.KeepGoing) {
    llvm::errs() << "modsafe-check: error: no report written: "
                 << plural(Failures, "translation unit")
                 << " could not be checked\n";
    return ExitError;
  }

  bool Color = CL.Output.empty() && isatty(STDOUT_FILENO) && !getenv("NO_COLOR");
  std::string Text;
  if (!render(Reports, Format, CL.SrcRoot, Color, Text, Error))
    fatal(Error);
  if (CL.Output.empty()) {
    llvm::outs() << Text;
    llvm::outs().flush();
  } else if (!writeFileAtomically(CL.Output, Text, Error)) {
    fatal(Error);
  }
  if (Failures)
    return ExitError;
  return Findings ? ExitFindings : ExitClean;
}

} // namespace

int main(int argc, char **argv) {
  CmdLine CL = parseCommandLine(argc, argv);
  if (CL.Help) {
    llvm::outs() << helpText();
    return ExitClean;
  }
  if (CL.Version) {
    llvm::outs() << "modsafe-check " << MODSAFE_VERSION << " ("
                 << clang::getClangFullVersion() << ")\n";
    return ExitClean;
  }
  if (CL.ListChecks) {
    llvm::outs() << listChecks();
    return ExitClean;
  }
  if (!CL.Format.empty() && CL.Format != "text" && CL.Format != "json" &&
      CL.Format != "sarif")
    usageError("--format takes text, json or sarif, not '" + CL.Format + "'");

  auto Opts = std::make_shared<Options>();
  for (const std::string &A : CL.AnalysisArgs) {
    std::string Error;
    if (!Opts->parseArg(A, Error)) {
      size_t P = Error.find("(see -fplugin-arg-modsafe-help");
      if (P != std::string::npos)
        Error = Error.substr(0, P) + "(see modsafe-check --list-checks)";
      usageError(Error + " (in --" + A + ")");
    }
  }
  std::string Error;
  if (!Opts->ReportDir.empty()) {
    // Refused before any work, not once per translation unit.
    if (std::error_code EC = llvm::sys::fs::create_directories(Opts->ReportDir))
      fatal("cannot create report directory '" + Opts->ReportDir +
            "': " + EC.message());
    if (std::error_code EC = llvm::sys::fs::access(
            Opts->ReportDir, llvm::sys::fs::AccessMode::Write))
      fatal("cannot write into report directory '" + Opts->ReportDir +
            "': " + EC.message());
  }
  auto KB = std::make_shared<KnowledgeBase>();
  if (!loadKnowledgeBase(*Opts, *KB, Error))
    fatal(Error);

  RunConfig RC;
  RC.Opts = Opts;
  RC.KB = KB;
  RC.FastParse = !CL.FullParse;
  RC.ResourceDir = resourceDir();
  RC.ExtraBefore = CL.ExtraBefore;
  RC.ExtraAfter = CL.ExtraAfter;
  enableCrashRecovery();
  if (CL.DbMode)
    return runDatabaseForm(CL, RC);
  RC.Color = wantColor(CL.CompilerArgs);
  RC.ClangSummary = true; // "N warnings generated." as clang prints it
  return runCompilerForm(CL, RC);
}

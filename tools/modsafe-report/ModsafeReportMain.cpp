// modsafe-report: merge per-TU modsafe reports (files or directories of
// *.modsafe.json, or merged reports of sharded runs) and write the result as a
// terminal summary, a merged JSON report, SARIF 2.1.0 or one HTML page.
//
// Exit status: 0 no findings (with --baseline: no new ones), 1 findings,
// 2 usage or input error. On any error no output file is written: outputs go
// to temporary files renamed into place only once everything succeeded.
#include "ModsafeReport.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <set>
#include <string>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

#ifndef MODSAFE_REPORT_VERSION
#define MODSAFE_REPORT_VERSION "0.0.0"
#endif

namespace fs = std::filesystem;
using namespace modsafe::report;
using nlohmann::json;

namespace {

const char *Usage = R"(usage: modsafe-report [options] INPUT...

Merges modsafe reports and writes a summary, a merged report, SARIF or HTML.
INPUT is a report file or a directory searched recursively for *.modsafe.json
(fact files, *.modsafe-facts.json, are skipped). Per-TU reports of the plugin
and merged reports of earlier runs (sharded builds) can be mixed.

options:
  --format=FMT       text (default), json, sarif or html: what -o (or stdout) gets
  -o FILE            write it to FILE instead of stdout
  --text=FILE, --json=FILE, --sarif=FILE, --html=FILE
                     also write that format to FILE (repeatable, any mix)
  --src-root=DIR     paths become relative to DIR (default: the common
                     working directory of the inputs); SARIF's SRCROOT
  --baseline=FILE    a merged JSON report or SARIF written by modsafe-report:
                     show and fail only on findings not in it
  --docs-url=URL     absolute URL of modsafe's docs/ (SARIF helpUri, informationUri)
  --title=TEXT       HTML page title
  --color, --no-color
                     colors in the terminal summary (default: when stdout is a tty)
  -q, --quiet        no summary on stdout when writing only to files
  --version, -h, --help

exit status: 0 no findings (no new findings with --baseline), 1 findings,
2 usage or input error (then no output file is written).
)";

struct Output {
  std::string Format, Path; // Path "-": stdout
};

bool validFormat(const std::string &F) {
  return F == "text" || F == "json" || F == "sarif" || F == "html";
}

int usageError(const std::string &Msg) {
  std::cerr << "modsafe-report: error: " << Msg << "\n"
            << "(modsafe-report --help for usage)\n";
  return 2;
}

bool endsWith(const std::string &S, const std::string &Suffix) {
  return S.size() >= Suffix.size() &&
         S.compare(S.size() - Suffix.size(), Suffix.size(), Suffix) == 0;
}

/// The report files of one INPUT; false after printing an error.
bool collect(const std::string &Input, std::vector<std::string> &Out) {
  std::error_code EC;
  fs::file_status St = fs::status(Input, EC);
  if (EC || !fs::exists(St)) {
    std::cerr << "modsafe-report: error: " << Input << ": "
              << (EC ? EC.message() : std::string(std::strerror(ENOENT))) << "\n";
    return false;
  }
  if (!fs::is_directory(St)) {
    Out.push_back(Input);
    return true;
  }
  std::vector<std::string> Found;
  fs::recursive_directory_iterator It(Input, fs::directory_options::skip_permission_denied, EC), End;
  for (; !EC && It != End; It.increment(EC)) {
    std::string Name = It->path().filename().string();
    if (It->is_regular_file(EC) && endsWith(Name, ".modsafe.json") && Name[0] != '.')
      Found.push_back(It->path().string());
  }
  if (EC) {
    std::cerr << "modsafe-report: error: " << Input << ": " << EC.message() << "\n";
    return false;
  }
  if (Found.empty()) {
    std::cerr << "modsafe-report: error: " << Input
              << ": no modsafe reports (*.modsafe.json) in this directory\n";
    return false;
  }
  std::sort(Found.begin(), Found.end());
  Out.insert(Out.end(), Found.begin(), Found.end());
  return true;
}

std::string render(const std::string &Format, const json &Merged, bool Color,
                   const SarifOptions &SOpts, const HtmlOptions &HOpts) {
  if (Format == "json")
    return toJsonText(Merged);
  if (Format == "sarif")
    return toSarif(Merged, SOpts).dump(2, ' ', false, json::error_handler_t::replace) + "\n";
  if (Format == "html")
    return toHtml(Merged, HOpts);
  return toText(Merged, Color);
}

struct PendingFile {
  std::string Path, Tmp;
};

void removeTemps(const std::vector<PendingFile> &P) {
  for (const PendingFile &F : P)
    ::unlink(F.Tmp.c_str());
}

/// Writes Text to a temporary file beside Path.
bool writeTemp(const std::string &Path, const std::string &Text, PendingFile &Out) {
  fs::path P(Path);
  std::string Dir = P.has_parent_path() ? P.parent_path().string() : ".";
  std::string Tmpl = Dir + "/." + P.filename().string() + ".tmpXXXXXX";
  std::vector<char> Buf(Tmpl.begin(), Tmpl.end());
  Buf.push_back('\0');
  int FD = ::mkstemp(Buf.data());
  if (FD < 0) {
    std::cerr << "modsafe-report: error: " << Path << ": cannot create: "
              << std::strerror(errno) << "\n";
    return false;
  }
  Out = {Path, Buf.data()};
  size_t Done = 0;
  while (Done < Text.size()) {
    ssize_t N = ::write(FD, Text.data() + Done, Text.size() - Done);
    if (N < 0) {
      if (errno == EINTR)
        continue;
      std::cerr << "modsafe-report: error: " << Path << ": " << std::strerror(errno) << "\n";
      ::close(FD);
      ::unlink(Out.Tmp.c_str());
      return false;
    }
    Done += N;
  }
  ::fchmod(FD, 0644 & ~[] { mode_t M = ::umask(0); ::umask(M); return M; }());
  if (::close(FD) != 0) {
    std::cerr << "modsafe-report: error: " << Path << ": " << std::strerror(errno) << "\n";
    ::unlink(Out.Tmp.c_str());
    return false;
  }
  return true;
}

} // namespace

int main(int argc, char **argv) {
  std::string Format = "text", OutPath, SrcRoot, Baseline, DocsUrl;
  HtmlOptions HOpts;
  std::vector<Output> Extra;
  std::vector<std::string> Inputs;
  int ColorMode = -1; // -1 auto
  bool Quiet = false, FormatGiven = false;

  auto Value = [&](int &I, const std::string &Arg, const std::string &Name,
                   std::string &Out) -> int {
    // --name=VALUE or --name VALUE; 1 matched, 0 not this option, -1 error.
    if (Arg == Name) {
      if (I + 1 >= argc)
        return usageError(Name + " needs a value"), -1;
      Out = argv[++I];
      return 1;
    }
    if (Arg.rfind(Name + "=", 0) == 0) {
      Out = Arg.substr(Name.size() + 1);
      return 1;
    }
    return 0;
  };

  bool NoMoreOptions = false;
  for (int I = 1; I < argc; ++I) {
    std::string A = argv[I], V;
    if (NoMoreOptions || A.empty() || A[0] != '-' || A == "-") {
      Inputs.push_back(A);
      continue;
    }
    if (A == "--") {
      NoMoreOptions = true;
      continue;
    }
    if (A == "-h" || A == "--help") {
      std::cout << Usage;
      return 0;
    }
    if (A == "--version") {
      std::cout << "modsafe-report " << MODSAFE_REPORT_VERSION << "\n";
      return 0;
    }
    if (A == "--color") {
      ColorMode = 1;
      continue;
    }
    if (A == "--no-color") {
      ColorMode = 0;
      continue;
    }
    if (A == "-q" || A == "--quiet") {
      Quiet = true;
      continue;
    }
    int R;
    if ((R = Value(I, A, "--format", V))) {
      if (R < 0)
        return 2;
      if (!validFormat(V))
        return usageError("unknown format '" + V + "' (text, json, sarif or html)");
      Format = V;
      FormatGiven = true;
      continue;
    }
    if ((R = Value(I, A, "-o", V)) || (R = Value(I, A, "--output", V))) {
      if (R < 0)
        return 2;
      OutPath = V;
      continue;
    }
    bool Matched = false;
    for (const char *F : {"text", "json", "sarif", "html"}) {
      if ((R = Value(I, A, std::string("--") + F, V))) {
        if (R < 0)
          return 2;
        Extra.push_back({F, V});
        Matched = true;
        break;
      }
    }
    if (Matched)
      continue;
    if ((R = Value(I, A, "--src-root", V))) {
      if (R < 0)
        return 2;
      SrcRoot = V;
      continue;
    }
    if ((R = Value(I, A, "--baseline", V))) {
      if (R < 0)
        return 2;
      Baseline = V;
      continue;
    }
    if ((R = Value(I, A, "--docs-url", V))) {
      if (R < 0)
        return 2;
      DocsUrl = V;
      continue;
    }
    if ((R = Value(I, A, "--title", V))) {
      if (R < 0)
        return 2;
      HOpts.Title = V;
      continue;
    }
    if (A.rfind("-o", 0) == 0 && A.size() > 2) {
      OutPath = A.substr(2);
      continue;
    }
    return usageError("unknown option '" + A + "'");
  }
  if (Inputs.empty())
    return usageError("no input: give report files or directories");
  if (!DocsUrl.empty() && DocsUrl.find("://") == std::string::npos)
    return usageError("--docs-url needs an absolute URL (https://...), got '" + DocsUrl + "'");

  // The outputs: the primary one (--format, -o) unless only files were asked
  // for, then each --FMT=FILE.
  std::vector<Output> Outputs;
  bool ExtraToStdout = false;
  for (const Output &O : Extra)
    ExtraToStdout |= O.Path == "-";
  if (!OutPath.empty())
    Outputs.push_back({Format, OutPath});
  else if (!ExtraToStdout && (FormatGiven || !Quiet))
    Outputs.push_back({Format, "-"});
  Outputs.insert(Outputs.end(), Extra.begin(), Extra.end());
  std::set<std::string> Seen;
  size_t ToStdout = 0;
  for (const Output &O : Outputs) {
    if (O.Path == "-") {
      ++ToStdout;
      continue;
    }
    if (O.Path.empty())
      return usageError("empty output file name");
    std::error_code EC;
    if (fs::is_directory(O.Path, EC))
      return usageError(O.Path + ": is a directory, not an output file");
    if (!Seen.insert(fs::absolute(O.Path).lexically_normal().string()).second)
      return usageError(O.Path + ": given as output twice");
  }
  if (ToStdout > 1)
    return usageError("more than one output to stdout ('-')");

  // Read everything first: any error means no output at all.
  std::vector<std::string> Files;
  bool Failed = false;
  for (const std::string &In : Inputs)
    Failed |= !collect(In, Files);
  std::vector<json> Reports;
  std::set<std::string> Canonical;
  for (const std::string &F : Files) {
    std::error_code EC;
    fs::path C = fs::weakly_canonical(F, EC);
    if (!Canonical.insert(EC ? F : C.string()).second)
      continue; // the same report named twice
    json R;
    std::string Err;
    if (!readReportFile(F, R, Err)) {
      std::cerr << Err << "\n";
      Failed = true;
      continue;
    }
    Reports.push_back(std::move(R));
  }
  std::set<std::string> BaselineFps;
  if (!Baseline.empty()) {
    std::string Err;
    if (!readBaselineFile(Baseline, BaselineFps, Err)) {
      std::cerr << Err << "\n";
      Failed = true;
    }
  }
  if (Failed) {
    std::cerr << "modsafe-report: error: no output written\n";
    return 2;
  }

  json Merged;
  std::vector<std::pair<Output, std::string>> Rendered;
  try {
    MergeOptions MOpts;
    MOpts.SrcRoot = SrcRoot;
    Merged = merge(Reports, MOpts);
    if (!Baseline.empty())
      Merged = applyBaseline(Merged, BaselineFps, Baseline);
    SarifOptions SOpts;
    SOpts.DocsUrl = DocsUrl;
    bool TtyColor = ::isatty(1) && !std::getenv("NO_COLOR") &&
                    std::string(std::getenv("TERM") ? std::getenv("TERM") : "") != "dumb";
    for (const Output &O : Outputs) {
      bool Color = O.Path == "-" && (ColorMode == 1 || (ColorMode == -1 && TtyColor));
      Rendered.push_back({O, render(O.Format, Merged, Color, SOpts, HOpts)});
    }
  } catch (const std::exception &E) {
    std::cerr << "modsafe-report: error: internal error: " << E.what()
              << "\nmodsafe-report: error: no output written\n";
    return 2;
  }

  // Write: temporary files first, renamed once all of them are complete.
  std::vector<PendingFile> Pending;
  for (auto &[O, Text] : Rendered) {
    if (O.Path == "-")
      continue;
    PendingFile P;
    if (!writeTemp(O.Path, Text, P)) {
      removeTemps(Pending);
      std::cerr << "modsafe-report: error: no output written\n";
      return 2;
    }
    Pending.push_back(P);
  }
  for (size_t I = 0; I < Pending.size(); ++I) {
    if (::rename(Pending[I].Tmp.c_str(), Pending[I].Path.c_str()) != 0) {
      std::cerr << "modsafe-report: error: " << Pending[I].Path << ": "
                << std::strerror(errno) << "\n";
      removeTemps(std::vector<PendingFile>(Pending.begin() + I, Pending.end()));
      return 2;
    }
  }
  for (auto &[O, Text] : Rendered)
    if (O.Path == "-")
      std::cout << Text << std::flush;

  return Merged["findings"].empty() ? 0 : 1;
}

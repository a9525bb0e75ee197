#include "Output.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Signals.h"
#include "llvm/Support/raw_ostream.h"

#include <sys/ioctl.h>
#include <unistd.h>

namespace modsafe::check {

namespace {
std::string dirOf(const std::string &Path) {
  llvm::StringRef D = llvm::sys::path::parent_path(Path);
  return D.empty() ? "." : D.str();
}
} // namespace

bool checkWritable(const std::string &Path, std::string &Error) {
  if (llvm::sys::fs::is_directory(Path)) {
    Error = Path + ": is a directory";
    return false;
  }
  std::string Dir = dirOf(Path);
  if (!llvm::sys::fs::is_directory(Dir)) {
    Error = Path + ": cannot write: directory '" + Dir + "' does not exist";
    return false;
  }
  if (std::error_code EC =
          llvm::sys::fs::access(Dir, llvm::sys::fs::AccessMode::Write)) {
    Error = Path + ": cannot write into '" + Dir + "': " + EC.message();
    return false;
  }
  return true;
}

bool writeFileAtomically(const std::string &Path, const std::string &Text,
                         std::string &Error) {
  std::string Dir = dirOf(Path);
  llvm::SmallString<256> Model(Dir), Tmp;
  llvm::sys::path::append(Model, "." + llvm::sys::path::filename(Path).str() +
                                     ".%%%%%%%%.tmp");
  int FD;
  if (std::error_code EC = llvm::sys::fs::createUniqueFile(Model, FD, Tmp)) {
    Error = Path + ": cannot create a temporary file in '" + Dir +
            "': " + EC.message();
    return false;
  }
  llvm::sys::RemoveFileOnSignal(Tmp);
  {
    llvm::raw_fd_ostream OS(FD, /*shouldClose=*/true);
    OS << Text;
    OS.close();
    if (OS.has_error()) {
      Error = Path + ": cannot write: " + OS.error().message();
      OS.clear_error();
      llvm::sys::fs::remove(Tmp);
      llvm::sys::DontRemoveFileOnSignal(Tmp);
      return false;
    }
  }
  if (std::error_code EC = llvm::sys::fs::rename(Tmp, Path)) {
    Error = Path + ": cannot rename the temporary file into place: " +
            EC.message();
    llvm::sys::fs::remove(Tmp);
    llvm::sys::DontRemoveFileOnSignal(Tmp);
    return false;
  }
  llvm::sys::DontRemoveFileOnSignal(Tmp);
  return true;
}

Progress::Progress(size_t Total, unsigned Jobs, bool Quiet)
    : Total(Total), Jobs(Jobs), Quiet(Quiet),
      Tty(isatty(STDERR_FILENO) && !getenv("MODSAFE_NO_PROGRESS_BAR")),
      Start(std::chrono::steady_clock::now()) {
  if (Quiet)
    return;
  if (!Tty)
    llvm::errs() << "modsafe-check: checking " << Total
                 << " translation unit" << (Total == 1 ? "" : "s")
                 << " (-j " << Jobs << ")\n";
}

static unsigned terminalWidth() {
  winsize W;
  if (ioctl(STDERR_FILENO, TIOCGWINSZ, &W) == 0 && W.ws_col >= 20)
    return W.ws_col;
  return 80;
}

void Progress::drawLocked(const std::string &Name) {
  unsigned Width = terminalWidth();
  std::string Count = std::to_string(Done) + "/" + std::to_string(Total);
  std::string Extra;
  if (Findings)
    Extra += " " + std::to_string(Findings) + " finding" + (Findings == 1 ? "" : "s");
  if (Failures)
    Extra += " " + std::to_string(Failures) + " failed";
  unsigned BarW = 24;
  unsigned Fill = Total ? unsigned(BarW * Done / Total) : BarW;
  std::string Line = "[" + std::string(Fill, '#') + std::string(BarW - Fill, '.') +
                     "] " + Count + Extra + " ";
  if (Line.size() + 4 < Width) {
    std::string N = Name;
    size_t Room = Width - 1 - Line.size();
    if (N.size() > Room)
      N = "..." + N.substr(N.size() - (Room - 3));
    Line += N;
  }
  llvm::errs() << "\r\033[K" << Line;
  llvm::errs().flush();
  BarShown = true;
}

void Progress::done(const std::string &Name, size_t NewFindings, bool Failed) {
  std::lock_guard<std::mutex> L(M);
  ++Done;
  Findings += NewFindings;
  Failures += Failed;
  if (Quiet)
    return;
  if (Tty) {
    auto Now = std::chrono::steady_clock::now();
    if (Done == Total || Now - LastDraw > std::chrono::milliseconds(80)) {
      LastDraw = Now;
      drawLocked(Name);
    }
    return;
  }
  unsigned Tenth = Total ? unsigned(Done * 10 / Total) : 10;
  if (Tenth < NextTenth)
    return;
  NextTenth = Tenth + 1;
  double S = std::chrono::duration<double>(std::chrono::steady_clock::now() -
                                           Start).count();
  llvm::errs() << "modsafe-check: " << Done << "/" << Total << " ("
               << unsigned(Done * 100 / Total) << "%), " << Findings
               << " finding" << (Findings == 1 ? "" : "s")
               << (Failures ? ", " + std::to_string(Failures) + " failed" : "")
               << ", " << llvm::format("%.0f", S) << "s\n";
}

void Progress::print(const std::string &Text) {
  std::lock_guard<std::mutex> L(M);
  if (BarShown)
    llvm::errs() << "\r\033[K";
  llvm::errs() << Text;
  BarShown = false;
  llvm::errs().flush();
}

void Progress::finish(const std::string &Summary) {
  std::lock_guard<std::mutex> L(M);
  if (BarShown)
    llvm::errs() << "\r\033[K";
  BarShown = false;
  if (!Quiet && !Summary.empty())
    llvm::errs() << Summary << "\n";
  llvm::errs().flush();
}

} // namespace modsafe::check

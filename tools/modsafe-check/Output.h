// Output plumbing: files written atomically, and progress on stderr.
#pragma once

#include <chrono>
#include <mutex>
#include <string>

namespace modsafe::check {

/// Checks early that Path can be created (its directory exists and is
/// writable), so that a long run does not fail at the very end.
bool checkWritable(const std::string &Path, std::string &Error);

/// Writes Text to Path through a temporary file in the same directory and a
/// rename: Path is either the complete old file or the complete new one.
bool writeFileAtomically(const std::string &Path, const std::string &Text,
                         std::string &Error);

/// Progress on stderr: a bar redrawn in place when stderr is a terminal,
/// a line at every tenth of the work otherwise, nothing when quiet.
class Progress {
public:
  Progress(size_t Total, unsigned Jobs, bool Quiet);
  /// One translation unit finished.
  void done(const std::string &Name, size_t Findings, bool Failed);
  /// Clears the bar; prints the summary line unless quiet.
  void finish(const std::string &Summary);
  /// Prints Text (whole lines) without tearing the bar.
  void print(const std::string &Text);
  bool terminal() const { return Tty; }

private:
  void drawLocked(const std::string &Name);
  std::mutex M;
  size_t Total, Done = 0, Findings = 0, Failures = 0;
  unsigned Jobs;
  bool Quiet, Tty;
  unsigned NextTenth = 1;
  bool BarShown = false;
  std::chrono::steady_clock::time_point Start, LastDraw;
};

} // namespace modsafe::check

// compile_commands.json, read strictly: every problem is refused with the
// file, the line and what is wrong (the kernel writes one with
// scripts/clang-tools/gen_compile_commands.py).
#pragma once

#include <string>
#include <vector>

namespace modsafe::check {

struct CompileEntry {
  unsigned Index = 0; // position in the database (0-based)
  unsigned Line = 0;  // line of the entry in the database file
  std::string Directory;
  std::string File;    // as written in the entry
  std::string AbsFile; // absolute, without . and ..
  std::vector<std::string> Command; // argv, program name first
  std::string Output;               // the entry's "output", if any
};

/// Finds the database: Path is a directory holding compile_commands.json or
/// the file itself. Error names what is missing.
bool locateCompileDb(const std::string &Path, std::string &File,
                     std::string &Error);

/// Reads and validates the database at File. Error is
/// "FILE:LINE:COL: message" (or "FILE: message").
bool loadCompileDb(const std::string &File, std::vector<CompileEntry> &Out,
                   std::string &Error);

/// Absolute form of P relative to Base, without "." and ".." components.
std::string absolutePath(const std::string &Base, const std::string &P);

} // namespace modsafe::check

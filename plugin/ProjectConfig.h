// The project configuration file, `.modsafe.json`, found upward from a
// source file's directory (the nearest one wins), like .clang-tidy:
//
//   {
//     "checks": "-*,missing-*,sleep-in-atomic",   // before the command line's
//     "rules": ["tools/modsafe/mysubsys.json"],    // relative to this file
//     "header_filter": "drivers/foo/.*\\.h$",      // unless the command line sets one
//     "assume_module": false
//   }
//
// A malformed file is refused with its path, line, column and the problem.
#pragma once

#include "Options.h"

#include <string>
#include <vector>

namespace modsafe {

struct ProjectConfig {
  bool Found = false;
  std::string Path;     // the .modsafe.json read
  std::string Checks;   // check globs, applied before the command line's
  std::vector<std::string> Rules; // absolute paths
  std::string HeaderFilter;
  bool AssumeModule = false;
};

/// Looks for .modsafe.json in Dir and its parents. Returns false with Error
/// ("PATH:LINE:COL: problem") for a file that cannot be read or is wrong;
/// true otherwise, with C.Found telling whether there was one.
bool findProjectConfig(const std::string &Dir, ProjectConfig &C, std::string &Error);

/// The options a TU under C runs with: the config first, the command line
/// (Cmd) over it.
bool applyProjectConfig(const ProjectConfig &C, const Options &Cmd, Options &Out,
                        std::string &Error);

} // namespace modsafe

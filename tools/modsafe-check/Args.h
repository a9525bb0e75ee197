// Compiler command lines as modsafe-check runs them: a compile command of the
// build (from compile_commands.json, or kbuild's checker slot) turned into a
// clang -fsyntax-only run that writes nothing, with the same meaning.
#pragma once

#include <string>
#include <vector>

namespace modsafe::check {

struct CompilerArgs {
  /// The compiler as the build named it (driver mode: clang++ is C++).
  std::string Program = "clang";
  /// The arguments without the program name, inputs included.
  std::vector<std::string> Args;
  /// The source files among Args (as written).
  std::vector<std::string> Inputs;
  /// The object file the build writes for this compile (-o, or derived from
  /// kbuild's -Wp,-MMD,dir/.name.o.d): keys the report file name exactly as
  /// the plugin's in the same build.
  std::string Output;
  /// Arguments left out because clang's driver does not know them.
  std::vector<std::string> Unknown;
};

/// In is a command line without the program name. Removes what would write files or load code (-c/-S/-E, -o, dependency
/// files, -fplugin*, -Xclang plugin arguments) and arguments clang does not
/// know. With Kbuild, also the sparse-only flags of kbuild's CHECKFLAGS
/// (-Wbitwise, --arch=..., -D__linux__ ...): the compiler never sees them.
CompilerArgs sanitizeCompilerArgs(const std::vector<std::string> &In,
                                  bool Kbuild);

/// The full command line modsafe-check runs for Input: program name, the
/// sanitized arguments with every other input removed, -fsyntax-only,
/// -resource-dir (unless given) and Extra arguments.
std::vector<std::string>
syntaxOnlyCommand(const CompilerArgs &A, const std::string &Input,
                  const std::string &ResourceDir,
                  const std::vector<std::string> &ExtraBefore,
                  const std::vector<std::string> &ExtraAfter);

/// Splits a compile_commands.json "command" string like a POSIX shell
/// (quotes and backslashes), as clang's compilation database does.
std::vector<std::string> splitCommandLine(const std::string &S);

} // namespace modsafe::check

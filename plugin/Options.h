// Options shared by the plugin (-fplugin-arg-modsafe-NAME[=VALUE]) and the
// standalone driver. One parser, one help text.
#pragma once

#include <string>
#include <vector>

namespace modsafe {

struct CheckInfo {
  const char *Id, *Rule, *Severity, *Summary;
  bool Implemented, HasFixit;
};
/// The catalogue of Checks.inc, implemented and planned.
const std::vector<CheckInfo> &checkCatalogue();
const CheckInfo *findCheck(const std::string &Id);

/// clang-tidy style list: "-*,missing-owner,ref-*". Later items win.
class CheckFilter {
public:
  /// Returns false with Error set for an item that matches no known check.
  bool parse(const std::string &Globs, std::string &Error);
  bool enabled(const std::string &Id) const;
  /// Appends O's items after this filter's (they win).
  void append(const CheckFilter &O) {
    Items.insert(Items.end(), O.Items.begin(), O.Items.end());
  }

private:
  std::vector<std::pair<bool, std::string>> Items; // (enable, glob)
};

struct Options {
  std::string ReportDir;
  std::vector<std::string> RuleFiles;
  CheckFilter Checks;
  std::string HeaderFilter; // regex of header paths whose findings are kept
  bool Werror = false;      // findings as errors (off: never fails a build)
  bool AssumeModule = false; // apply module checks without -DMODULE
  bool NoConfig = false;     // do not look for a project .modsafe.json
  bool ListUnusedSuppressions = false; // warn on `modsafe: ignore` comments that suppress nothing
  bool Help = false;

  /// Parses one "name" or "name=value" argument. Error names the argument.
  bool parseArg(const std::string &Arg, std::string &Error);
  static std::string helpText(const std::string &Prefix);
};

bool globMatch(const std::string &Glob, const std::string &S);

} // namespace modsafe

// Instantiates the checks listed in Checks.inc.
#include "Analysis.h"

namespace modsafe {

#define MODSAFE_CHECK(Id, Class, Rule, Severity, HasFixit, Summary)            \
  std::unique_ptr<Check> create##Class();
#include "Checks.inc"

std::vector<std::unique_ptr<Check>> createChecks(const Options &Opts) {
  std::vector<std::unique_ptr<Check>> R;
#define MODSAFE_CHECK(Id, Class, Rule, Severity, HasFixit, Summary)            \
  if (Opts.Checks.enabled(Id))                                                 \
    R.push_back(create##Class());
#include "Checks.inc"
  return R;
}

void analyzeTranslationUnit(AnalysisContext &AC,
                            const std::vector<std::unique_ptr<Check>> &Checks) {
  for (const auto &C : Checks)
    C->run(AC);
  AC.reporter().flush();
}

} // namespace modsafe

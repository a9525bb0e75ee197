// put-unbalanced (Rule #1): module_put (or a putter wrapper) reached on a path
// where the reference it drops was not taken — in a function that takes that
// reference itself (so the put is its own, not the release of a caller's).
#include "../Analysis.h"

using namespace clang;

namespace modsafe {
namespace {

class PutUnbalancedCheck : public Check {
public:
  PutUnbalancedCheck() : Check("put-unbalanced") {}

  void run(AnalysisContext &AC) override {
    for (const auto &[FD, Ev] : AC.refEvents()) {
      if (Ev.Imprecise)
        continue;
      for (const RefEvents::Unbalanced &U : Ev.UnbalancedPuts) {
        Finding F;
        F.Check = id();
        F.Loc = U.Put->getBeginLoc();
        F.Message = "drops a module reference on '" + U.Owner +
                    "' on a path where it was not taken: the count underflows "
                    "and the module may be unloaded while in use (Rule #1)";
        F.Notes.push_back({U.Get, U.GetMsg});
        AC.reporter().report(std::move(F));
      }
    }
  }
};

} // namespace

std::unique_ptr<Check> createPutUnbalancedCheck() {
  return std::make_unique<PutUnbalancedCheck>();
}

} // namespace modsafe

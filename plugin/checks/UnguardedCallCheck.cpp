// unguarded-call (Rule #1, the caller's side): a call through a function
// pointer of an owner-carrying structure reached, on some path, without a
// held reference on that owner: after the reference was dropped, where the
// get failed or was skipped, or on an object just loaded from shared data.
// Contexts pinned by an earlier reference (an open file's f_op, a mounted
// superblock's s_type) come from the knowledge base (pinned_calls).
#include "../Analysis.h"

using namespace clang;

namespace modsafe {
namespace {

class UnguardedCallCheck : public Check {
public:
  UnguardedCallCheck() : Check("unguarded-call") {}

  void run(AnalysisContext &AC) override {
    for (const auto &[FD, Ev] : AC.refEvents()) {
      if (Ev.Imprecise)
        continue;
      for (const RefEvents::Unguarded &U : Ev.UnguardedCalls) {
        Finding F;
        F.Check = id();
        F.Loc = U.Call->getBeginLoc();
        F.Message = "'" + U.Callee + "' is called " + U.Why +
                    ": its module may be unloaded while the call runs in it "
                    "(Rule #1)";
        if (U.Related.isValid())
          F.Notes.push_back({U.Related, U.RelatedMsg});
        F.Notes.push_back({U.Call->getBeginLoc(),
                           "call only after a successful 'try_module_get(" +
                               U.Owner + ")' and 'module_put' it afterwards"});
        AC.reporter().report(std::move(F));
      }
    }
  }
};

} // namespace

std::unique_ptr<Check> createUnguardedCallCheck() {
  return std::make_unique<UnguardedCallCheck>();
}

} // namespace modsafe

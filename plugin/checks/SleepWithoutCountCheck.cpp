// sleep-without-count (Phillips' noncounting modules): code entered without
// a module reference — a function published with rcu_assign_pointer() or
// RCU_INIT_POINTER(), or a callback handed to an interface the knowledge base
// marks uncounted — that may sleep before it has taken a count of its own
// (__module_get(THIS_MODULE), a successful try_module_get(THIS_MODULE)).
// Unload only waits for quiescence (synchronize_rcu()), which does not wait
// for a sleeper: the module may be freed under it.
#include "../Analysis.h"

using namespace clang;

namespace modsafe {
namespace {

class SleepWithoutCountCheck : public Check {
public:
  SleepWithoutCountCheck() : Check("sleep-without-count") {}

  void run(AnalysisContext &AC) override {
    SleepAnalysis &SA = AC.sleep();
    std::set<const FunctionDecl *> Done;
    for (const CallbackUse &U : SA.callbacks()) {
      // Uncounted callbacks of a non-sleeping context are sleep-in-callback's.
      if (U.Counted || U.Context != "process" || !Done.insert(U.FD).second)
        continue;
      std::string Name = U.FD->getName().str();
      for (const SleepSite *S : SA.sitesWithoutCount(U.FD)) {
        Finding F;
        F.Check = id();
        F.Loc = S->Loc;
        F.Message = S->What + " may sleep in '" + Name +
                    "', which is entered without a module reference; take "
                    "'__module_get(THIS_MODULE)' before sleeping, or the module "
                    "may be unloaded under the sleeper (Phillips: noncounting "
                    "modules)";
        F.Notes.push_back({U.Where, "'" + Name + "' is published through '" +
                                        U.Via + "' here: callers enter it "
                                        "without a module reference"});
        for (const SleepStep &St : S->Chain)
          F.Notes.push_back({St.Loc, St.Message});
        AC.reporter().report(std::move(F));
      }
    }
  }
};

} // namespace

std::unique_ptr<Check> createSleepWithoutCountCheck() {
  return std::make_unique<SleepWithoutCountCheck>();
}

} // namespace modsafe

// sleep-in-callback (Exception #1): a callback handed to an interface whose
// callbacks run where sleeping is a bug — a hard-irq handler, a timer,
// hrtimer or tasklet, an RCU callback, a softirq-run hook — that may sleep,
// directly or through the functions it calls. Exception #1 lets such
// callbacks skip module references only because they never sleep.
#include "../Analysis.h"

using namespace clang;

namespace modsafe {
namespace {

class SleepInCallbackCheck : public Check {
public:
  SleepInCallbackCheck() : Check("sleep-in-callback") {}

  void run(AnalysisContext &AC) override {
    SleepAnalysis &SA = AC.sleep();
    std::set<const FunctionDecl *> Done;
    for (const CallbackUse &U : SA.callbacks()) {
      if (U.Context == "process" || !Done.insert(U.FD).second)
        continue;
      std::string Name = U.FD->getName().str();
      for (const SleepSite &S : SA.sites(U.FD)) {
        Finding F;
        F.Check = id();
        F.Loc = S.Loc;
        F.Message = S.What + " may sleep, but '" + Name + "' is " +
                    describeContext(U.Context) +
                    " and must never sleep (Exception #1)";
        F.Notes.push_back({U.Where, "'" + Name + "' is handed to '" + U.Via +
                                        "' here, which calls it in " +
                                        (U.Context == "hardirq" || U.Context == "hrtimer"
                                             ? "hard-irq"
                                             : U.Context == "atomic" ? "atomic" : "softirq") +
                                        " context"});
        for (const SleepStep &St : S.Chain)
          F.Notes.push_back({St.Loc, St.Message});
        if (S.GfpKernelSpelling.isValid())
          F.Fixits.push_back(
              FixItHint::CreateReplacement(S.GfpKernelSpelling, "GFP_ATOMIC"));
        AC.reporter().report(std::move(F));
      }
    }
  }
};

} // namespace

std::unique_ptr<Check> createSleepInCallbackCheck() {
  return std::make_unique<SleepInCallbackCheck>();
}

} // namespace modsafe

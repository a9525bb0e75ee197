// sleep-in-atomic (Owens, Exception #1): a call that may sleep, directly or
// through the functions it calls, inside an atomic region held on every path
// to it — a spinlock or rwlock in any of its _irq/_irqsave/_bh forms or a
// successful trylock, the RCU read side, preemption, interrupts or bottom
// halves disabled, or a guard()/scoped_guard() of one of these.
#include "../Analysis.h"
#include "../Wording.h"

using namespace clang;

namespace modsafe {
namespace {

class SleepInAtomicCheck : public Check {
public:
  SleepInAtomicCheck() : Check("sleep-in-atomic") {}

  void run(AnalysisContext &AC) override {
    SleepAnalysis &SA = AC.sleep();
    for (const Decl *D : AC.ownDecls()) {
      const auto *FD = dyn_cast<FunctionDecl>(D);
      if (!FD || !FD->doesThisDeclarationHaveABody())
        continue;
      for (const auto &[S, R] : SA.sitesInAtomic(FD)) {
        Finding F;
        F.Check = id();
        F.Loc = S->Loc;
        F.Message = S->What + " may sleep, but it is called in atomic context (" +
                    regionText(R.Kind) + " since '" + R.Begin + "')";
        F.Notes.push_back({R.BeginLoc, "the atomic region begins here"});
        for (const SleepStep &St : S->Chain)
          F.Notes.push_back({St.Loc, St.Message});
        if (S->GfpKernelSpelling.isValid())
          F.Fixits.push_back(
              FixItHint::CreateReplacement(S->GfpKernelSpelling, "GFP_ATOMIC"));
        AC.reporter().report(std::move(F));
      }
    }
  }
};

} // namespace

std::unique_ptr<Check> createSleepInAtomicCheck() {
  return std::make_unique<SleepInAtomicCheck>();
}

} // namespace modsafe

// unsafe-unload (Rusty Russell's Rule #2): a module that hands its callbacks
// to an unsafe interface — no struct module * owner on the callbacks, no
// unregister that waits for a call in progress — and still has a
// module_exit. Nothing can tell the module when the interface's last caller
// has left its code, so unloading it may free code a CPU is running. Rule #2:
// such a module must not be unloadable (no module_exit; the kernel then
// refuses rmmod), or must move to an interface with an owner or a
// synchronous unregister. The unsafe registrations come from
// AnalysisContext::unsafeRegistrations() (knowledge-base interfaces and hook
// variables, and kernel function pointers or register-without-unregister
// interfaces inferred from declarations).
//
// Reported at the module's exit, one finding per module, with a note at each
// unsafe registration; only for code compiled as a module (-DMODULE or
// assume-module). No fix-it: removing module_exit is a design decision.
#include "../Analysis.h"

using namespace clang;

namespace modsafe {
namespace {

class UnsafeUnloadCheck : public Check {
public:
  UnsafeUnloadCheck() : Check("unsafe-unload") {}

  void run(AnalysisContext &AC) override {
    const ModuleModel &M = AC.module();
    if (!M.IsModule || !M.Exit || !AC.unload().unloadable())
      return;
    const std::vector<UnsafeRegistration> &Regs =
        AC.unsafeRegistrations().registrations();
    if (Regs.empty())
      return;
    const UnsafeRegistration &First = Regs.front();
    Finding F;
    F.Check = id();
    F.Loc = M.Exit->getLocation();
    std::string Exit = M.Exit->getName().str();
    F.Message = "module hands " + First.What + " to '" + First.Interface +
                "', an unsafe interface (no 'struct module *' owner, no "
                "synchronous unregister), yet can be unloaded through '" + Exit +
                "': nothing tells it when the last caller has left its code "
                "(Rule #2); remove the module_exit so the module cannot be "
                "unloaded, or move to an interface with an owner or an "
                "unregister that waits";
    const size_t Cap = 4;
    for (size_t I = 0; I < Regs.size() && I < Cap; ++I) {
      const UnsafeRegistration &R = Regs[I];
      F.Notes.push_back({R.Loc, R.What + " handed to '" + R.Interface +
                                    "' here: " + R.Why});
    }
    if (Regs.size() > Cap)
      F.Notes.push_back({Regs[Cap].Loc, std::to_string(Regs.size() - Cap) +
                                            " more unsafe registration(s), the "
                                            "first here"});
    AC.reporter().report(std::move(F));
  }
};

} // namespace

std::unique_ptr<Check> createUnsafeUnloadCheck() {
  return std::make_unique<UnsafeUnloadCheck>();
}

} // namespace modsafe

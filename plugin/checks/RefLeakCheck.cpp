// ref-leak (Rule #1): a path from a successful module-reference get to a
// return with the reference neither put nor handed off. Reported where the
// path returns an error while holding it (the reference can never be put),
// or where another path of the same function puts it (the function owns it).
#include "../Analysis.h"

using namespace clang;

namespace modsafe {
namespace {

class RefLeakCheck : public Check {
public:
  RefLeakCheck() : Check("ref-leak") {}

  void run(AnalysisContext &AC) override {
    for (const auto &[FD, Ev] : AC.refEvents()) {
      if (Ev.Imprecise)
        continue;
      for (const RefEvents::Leak &L : Ev.Leaks) {
        Finding F;
        F.Check = id();
        F.Loc = L.At;
        F.Message = std::string(L.ErrorReturn ? "returns an error" : "returns") +
                    " still holding the module reference on '" + L.Owner +
                    "', neither put nor handed off: the module can never be "
                    "unloaded (Rule #1)";
        F.Notes.push_back({L.Get, "reference taken here"});
        F.Notes.push_back({L.At, "drop it with 'module_put(" + L.Owner +
                                     ")' on this path"});
        AC.reporter().report(std::move(F));
      }
    }
  }
};

} // namespace

std::unique_ptr<Check> createRefLeakCheck() {
  return std::make_unique<RefLeakCheck>();
}

} // namespace modsafe

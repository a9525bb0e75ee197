#include "ModuleFacts.h"
#include "Analysis.h"
#include "KernelExpr.h"

using namespace clang;

namespace modsafe {

namespace {

nlohmann::json loc(const SourceManager &SM, SourceLocation L) {
  PresumedLoc P = SM.getPresumedLoc(SM.getFileLoc(L));
  if (P.isInvalid())
    return {{"file", ""}, {"line", 0}, {"column", 0}};
  return {{"file", P.getFilename()}, {"line", P.getLine()}, {"column", P.getColumn()}};
}

nlohmann::json function(const SourceManager &SM, const FunctionDecl *FD) {
  if (!FD)
    return nullptr;
  nlohmann::json J = loc(SM, FD->getLocation());
  J["name"] = FD->getName().str();
  return J;
}

std::string name(const FunctionDecl *FD) {
  return FD && FD->getIdentifier() ? FD->getName().str() : "";
}

} // namespace

nlohmann::json moduleFacts(AnalysisContext &AC, const std::string &MainFile,
                           const std::string &WorkingDirectory) {
  const SourceManager &SM = AC.sm();
  const ModuleModel &M = AC.module();
  UnloadAnalysis &U = AC.unload();

  nlohmann::json Arms = nlohmann::json::array();
  for (const Arming &A : U.armings()) {
    if (A.DeviceManaged || A.LocalObject || !A.Callback || !A.Callback->getIdentifier())
      continue;
    nlohmann::json J = loc(SM, A.Loc);
    J["kind"] = A.Kind;
    J["via"] = A.Via;
    J["key"] = A.Key;
    J["text"] = A.Text;
    J["callback"] = A.Callback->getName().str();
    // Defined here as the module's own; otherwise the link step looks the
    // name up among the module's other files.
    const FunctionDecl *Def = definitionOf(A.Callback);
    J["callback_defined"] = Def && AC.isModuleFunction(Def);
    J["in"] = name(A.In);
    J["in_setup"] = A.In && U.isSetup(A.In);
    J["ends_system"] = U.endsSystem(A.Callback);
    J["pins_itself"] = A.Kind == "kthread" && U.threadPinsItself(A.Callback);
    bool Own = false;
    for (const DeferredCall &T : U.teardowns())
      if (T.Kind == A.Kind && UnloadAnalysis::sameObject(T.Key, A.Key) &&
          U.tornDownByItsOwner(A, T))
        Own = true;
    J["torn_down_by_owner"] = Own || U.handshakeStops(A);
    Arms.push_back(J);
  }
  auto calls = [&](const std::vector<DeferredCall> &V, bool Teardown) {
    nlohmann::json Out = nlohmann::json::array();
    for (const DeferredCall &D : V) {
      nlohmann::json J = loc(SM, D.Loc);
      J["kind"] = D.Kind;
      J["name"] = D.Name;
      J["key"] = D.Key;
      J["in"] = name(D.In);
      if (Teardown) {
        J["reached"] = U.reachedFrom(D.In) != nullptr;
        J["in_setup"] = D.In && U.isSetup(D.In);
      } else {
        J["workqueue"] = D.Workqueue;
      }
      Out.push_back(J);
    }
    return Out;
  };
  nlohmann::json Regs = nlohmann::json::array();
  for (const UnsafeRegistration &R : AC.unsafeRegistrations().registrations()) {
    nlohmann::json J = loc(SM, R.Loc);
    J["interface"] = R.Interface;
    J["what"] = R.What;
    J["why"] = R.Why;
    Regs.push_back(J);
  }

  nlohmann::json Facts = {
      {"modsafe_facts", 1},
      {"main_file", MainFile},
      {"working_directory", WorkingDirectory},
      {"module", M.Name},
      {"is_module", M.IsModule},
      {"whole_module", U.wholeModule()},
      {"init", function(SM, M.Init)},
      {"exit", function(SM, M.Exit)},
      {"functions", AC.sleep().facts()},
      {"unload",
       {{"armings", Arms}, {"starts", calls(U.starts(), false)},
        {"teardowns", calls(U.teardowns(), true)}}},
      {"unsafe_registrations", Regs}};
  nlohmann::json Link = AC.sleep().linkFacts();
  for (auto It = Link.begin(); It != Link.end(); ++It)
    Facts[It.key()] = It.value();
  return Facts;
}

} // namespace modsafe

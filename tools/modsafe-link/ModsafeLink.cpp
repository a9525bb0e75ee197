// modsafe-link: the whole-module step.
//
// The plugin sees one translation unit at a time. A module built from
// several files may arm a timer in one and tear it down in another, take a
// spinlock in one and call a sleeping function of another, register with an
// unsafe interface in one and have its module_exit in another. Each TU writes
// a fact file beside its report (docs/facts.schema.json); this tool groups
// them by module — kbuild's *.mod files name a module's objects, or else the
// KBUILD_MODNAME every object of a module is compiled with — and reports, in
// the plugin's report format, the findings that need more than one file:
//
//   missing-teardown   an arming whose teardown the module lacks in all files
//   unsafe-unload      an unsafe registration in one file, module_exit in another
//   sleep-in-atomic    a call in an atomic region to another file's function
//                      that may sleep
//   sleep-in-callback  a non-sleeping callback that reaches another file's
//                      function that may sleep, or is itself defined there
//
// Findings one TU can see are the plugin's; this tool never repeats them.
//
//   modsafe-link [--kbuild-dir DIR] [--mod FILE]... [--report-dir DIR]
//                [--quiet] FACTS_DIR_OR_FILE...
//
// Exit status: 0 no finding, 1 findings, 2 usage or input error (then no
// report is written).
#include "LocatedJson.h"
#include "Wording.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <unistd.h>

#ifndef MODSAFE_LINK_VERSION
#define MODSAFE_LINK_VERSION "0.0.0"
#endif

namespace fs = std::filesystem;
using nlohmann::json;
using modsafe::deferredKindName;
using modsafe::describeContext;
using modsafe::regionText;
using modsafe::teardownHint;

namespace {

const std::map<std::string, std::string> &ruleOf() {
  static const std::map<std::string, std::string> M = {
#define MODSAFE_CHECK(Id, Class, Rule, Severity, HasFixit, Summary) {Id, Rule},
#define MODSAFE_PLANNED(Id, Rule, Severity, Summary) {Id, Rule},
#include "Checks.inc"
  };
  return M;
}

struct InputError {
  std::string Msg;
};

std::string readFile(const std::string &Path) {
  std::ifstream In(Path, std::ios::binary);
  if (!In)
    throw InputError{Path + ": error: cannot read file"};
  std::stringstream SS;
  SS << In.rdbuf();
  return SS.str();
}

// ---- facts --------------------------------------------------------------

struct TU {
  std::string Path;    // the fact file
  json F;              // its content
  std::string Source;  // absolute source path
  std::string Obj;     // absolute object path (source with .o)
  std::set<std::string> Functions; // non-static functions it defines
  const json *function(const std::string &N) const {
    for (const json &J : F["functions"])
      if (J["name"] == N)
        return &J;
    return nullptr;
  }
};

void require(const json &J, const std::vector<const char *> &Keys, const std::string &Where) {
  if (!J.is_object())
    throw InputError{Where + ": error: expected a JSON object"};
  for (const char *K : Keys)
    if (!J.contains(K))
      throw InputError{Where + ": error: missing field '" + K + "'"};
}

TU loadFacts(const std::string &Path) {
  std::string Text = readFile(Path);
  TU T;
  T.Path = Path;
  modsafe::LocatedJson LJ;
  std::string Err;
  if (!LJ.parse(Text, Err)) // "LINE:COL: problem"
    throw InputError{Path + ":" + Err.insert(Err.find(": ") + 2, "error: not valid JSON: ")};
  T.F = std::move(LJ.root());
  require(T.F, {"modsafe_facts"}, Path);
  if (T.F["modsafe_facts"] != 1)
    throw InputError{Path + ": error: unsupported fact file version " +
                     T.F["modsafe_facts"].dump() + " (this modsafe-link reads version 1)"};
  require(T.F, {"main_file", "module", "is_module", "functions"}, Path);
  if (!T.F.contains("unload") || !T.F.contains("working_directory"))
    throw InputError{Path + ": error: fact file of an older modsafe without the "
                            "whole-module facts; rebuild with this version"};
  require(T.F, {"working_directory", "whole_module", "init", "exit", "unload", "unsafe_registrations",
                "atomic_calls", "callback_calls", "external_callbacks"},
          Path);
  require(T.F["unload"], {"armings", "starts", "teardowns"}, Path + ": 'unload'");
  fs::path Src = T.F["main_file"].get<std::string>();
  if (Src.is_relative())
    Src = fs::path(T.F["working_directory"].get<std::string>()) / Src;
  T.Source = Src.lexically_normal().string();
  T.Obj = fs::path(T.Source).replace_extension(".o").string();
  for (const json &Fn : T.F["functions"])
    T.Functions.insert(Fn["name"].get<std::string>());
  return T;
}

void collect(const std::string &Arg, std::vector<std::string> &Out) {
  std::error_code EC;
  if (fs::is_directory(Arg, EC)) {
    for (auto It = fs::recursive_directory_iterator(Arg, EC); !EC && It != fs::end(It);
         It.increment(EC)) {
      std::string P = It->path().string();
      static const std::string Suffix = ".modsafe-facts.json";
      if (It->is_regular_file() && P.size() > Suffix.size() &&
          P.compare(P.size() - Suffix.size(), Suffix.size(), Suffix) == 0)
        Out.push_back(P);
    }
    if (EC)
      throw InputError{Arg + ": error: cannot read directory: " + EC.message()};
    return;
  }
  if (!fs::exists(Arg, EC))
    throw InputError{Arg + ": error: no such file or directory"};
  Out.push_back(Arg);
}

// ---- modules ------------------------------------------------------------

struct Module {
  std::string Name;
  std::string ModFile; // the .mod file, if grouped by one
  std::vector<const TU *> TUs;
};

/// Object paths of a kbuild .mod file (Linux 6.1: one object per line;
/// older kernels: the .ko on the first line, objects on the second).
std::vector<std::string> modObjects(const std::string &Path, const fs::path &Root) {
  std::string Text = readFile(Path);
  std::vector<std::string> Objs;
  std::istringstream SS(Text);
  std::string W;
  while (SS >> W) {
    if (W.size() < 2 || W.compare(W.size() - 2, 2, ".o") != 0)
      continue;
    fs::path P = W;
    if (P.is_relative())
      P = Root / P;
    Objs.push_back(P.lexically_normal().string());
  }
  return Objs;
}

// ---- findings -----------------------------------------------------------

struct Finding {
  std::string Check, File, Message;
  int Line = 0, Column = 0;
  std::vector<json> Notes;
};

json note(const json &Loc, const std::string &Msg) {
  return {{"file", Loc.value("file", "")},
          {"line", Loc.value("line", 0)},
          {"column", std::max(1, Loc.value("column", 1))},
          {"message", Msg}};
}

Finding at(const std::string &Check, const json &Loc, const std::string &Msg) {
  Finding F;
  F.Check = Check;
  F.File = Loc.value("file", "");
  F.Line = Loc.value("line", 0);
  F.Column = std::max(1, Loc.value("column", 1));
  F.Message = Msg;
  return F;
}


bool sameObject(const std::string &A, const std::string &B) {
  return A.empty() || B.empty() || A == "*" || B == "*" || A == B;
}

class Linker {
public:
  explicit Linker(const Module &M) : M(M) {
    for (const TU *T : M.TUs)
      for (const std::string &N : T->Functions)
        Defined.emplace(N, T);
  }

  std::vector<Finding> run() {
    if (M.TUs.empty())
      return {};
    // One file the plugin took for the whole module has been checked whole;
    // one whose object name differs from the module's (rng-core's core.c)
    // was left to this step.
    if (M.TUs.size() == 1 && M.TUs[0]->F["whole_module"].get<bool>())
      return {};
    bool IsModule = false;
    for (const TU *T : M.TUs)
      IsModule |= T->F["is_module"].get<bool>();
    if (IsModule) {
      teardown();
      unsafeUnload();
    }
    sleepInAtomic();
    sleepInCallback();
    return std::move(Out);
  }

private:
  const TU *exitTU() const {
    for (const TU *T : M.TUs)
      if (!T->F["exit"].is_null())
        return T;
    return nullptr;
  }

  /// The TU defining the non-static function N, other than From.
  const TU *definer(const std::string &N, const TU *From) const {
    auto R = Defined.equal_range(N);
    for (auto It = R.first; It != R.second; ++It)
      if (It->second != From)
        return It->second;
    return nullptr;
  }

  void calleeChain(Finding &F, const json &Fn) {
    for (const json &St : Fn["chain"])
      F.Notes.push_back(note(St, St.value("message", "")));
  }

  const TU *initTU() const {
    for (const TU *T : M.TUs)
      if (!T->F["init"].is_null())
        return T;
    return nullptr;
  }

  void teardown() {
    // Unloadable: a module_exit, or neither init nor exit (a library
    // module); the kernel refuses to unload an init without an exit.
    const TU *Exit = exitTU();
    if (!Exit && initTU())
      return;
    std::set<std::string> Done;
    for (const TU *T : M.TUs) {
      for (const json &A : T->F["unload"]["armings"]) {
        std::string Cb = A["callback"];
        if (!A["callback_defined"].get<bool>() && !definer(Cb, nullptr))
          continue; // not the module's own function
        if (A["ends_system"].get<bool>() || A["pins_itself"].get<bool>() ||
            A["torn_down_by_owner"].get<bool>())
          continue;
        if (!started(A) || tornDown(A))
          continue;
        std::string K = A["kind"];
        std::string Obj = A["text"].get<std::string>().empty()
                              ? ""
                              : " '" + A["text"].get<std::string>() + "'";
        Finding F = at("missing-teardown", A,
                       deferredKindName(K) + Obj + " armed with '" + Cb + "' (" +
                           A["via"].get<std::string>() +
                           ") is not torn down synchronously before the module can be "
                           "unloaded: '" + Cb + "' may run after the module's code is "
                           "freed; call " + teardownHint(K) +
                           " on the exit or remove path (Stern, Owens)");
        if (!Done.insert(F.File + ":" + std::to_string(F.Line) + ":" +
                         std::to_string(F.Column) + A["key"].get<std::string>())
                 .second)
          continue;
        std::string Files = M.TUs.size() == 1
                                ? "module '" + M.Name + "'"
                                : "all " + std::to_string(M.TUs.size()) +
                                      " files of module '" + M.Name + "'";
        if (Exit)
          F.Notes.push_back(note(Exit->F["exit"],
                                 "the module's exit '" +
                                     Exit->F["exit"]["name"].get<std::string>() +
                                     "' and the functions it calls, in " + Files +
                                     ", do not wait for it"));
        else
          F.Notes.push_back(note(A, "module '" + M.Name + "' has neither init nor exit: "
                                    "it can be unloaded once unused, and no function "
                                    "in " + Files + " waits for it"));
        Out.push_back(std::move(F));
      }
    }
  }

  bool started(const json &A) const {
    std::string K = A["kind"];
    if (K != "timer" && K != "hrtimer" && K != "work" && K != "tasklet")
      return true;
    for (const TU *T : M.TUs)
      for (const json &S : T->F["unload"]["starts"])
        if (S["kind"] == K && sameObject(S["key"], A["key"]))
          return true;
    return false;
  }

  bool tornDown(const json &A) const {
    std::string K = A["kind"];
    for (const TU *T : M.TUs)
      for (const json &D : T->F["unload"]["teardowns"]) {
        bool Match = false;
        if (D["kind"] == K) {
          Match = sameObject(D["key"], A["key"]);
        } else if (D["kind"] == "workqueue" && K == "work") {
          for (const TU *T2 : M.TUs)
            for (const json &S : T2->F["unload"]["starts"])
              if (S["kind"] == "work" && sameObject(S["key"], A["key"]) &&
                  sameObject(S["workqueue"], D["key"]))
                Match = true;
        }
        if (!Match)
          continue;
        if (D["reached"].get<bool>())
          return true;
      }
    return false;
  }

  void unsafeUnload() {
    const TU *Exit = exitTU();
    if (!Exit || !Exit->F["unsafe_registrations"].empty())
      return; // none, or the plugin reported it in the exit's own file
    std::vector<json> Regs;
    for (const TU *T : M.TUs)
      for (const json &R : T->F["unsafe_registrations"])
        Regs.push_back(R);
    if (Regs.empty())
      return;
    const json &ExitFn = Exit->F["exit"];
    std::string ExitName = ExitFn["name"];
    Finding F = at("unsafe-unload", ExitFn,
                   "module hands " + Regs[0]["what"].get<std::string>() + " to '" +
                       Regs[0]["interface"].get<std::string>() +
                       "', an unsafe interface (no 'struct module *' owner, no "
                       "synchronous unregister), yet can be unloaded through '" +
                       ExitName +
                       "': nothing tells it when the last caller has left its code "
                       "(Rule #2); remove the module_exit so the module cannot be "
                       "unloaded, or move to an interface with an owner or an "
                       "unregister that waits");
    for (size_t I = 0; I < Regs.size() && I < 4; ++I)
      F.Notes.push_back(note(Regs[I], Regs[I]["what"].get<std::string>() +
                                          " handed to '" +
                                          Regs[I]["interface"].get<std::string>() +
                                          "' here, in another file of module '" +
                                          M.Name + "': " + Regs[I]["why"].get<std::string>()));
    Out.push_back(std::move(F));
  }

  void sleepInAtomic() {
    for (const TU *T : M.TUs)
      for (const json &C : T->F["atomic_calls"]) {
        std::string Callee = C["callee"];
        const TU *D = definer(Callee, T);
        const json *Fn = D ? D->function(Callee) : nullptr;
        if (!Fn || (*Fn)["may_sleep"] != "yes")
          continue;
        const json &R = C["region"];
        // The callee lets go of a caller's region of this kind before it
        // sleeps (unlock, sleep, lock again).
        bool Releases = false;
        for (const json &K : Fn->value("releases_before_sleep", json::array()))
          Releases |= K == R["kind"];
        if (Releases)
          continue;
        Finding F = at("sleep-in-atomic", C,
                       "'" + Callee + "' may sleep, but it is called in atomic context (" +
                           regionText(R["kind"]) + " since '" +
                           R["begin"].get<std::string>() + "')");
        F.Notes.push_back(note(R, "the atomic region begins here"));
        F.Notes.push_back(note(*Fn, "'" + Callee + "' is defined in another file of module '" +
                                        M.Name + "'"));
        calleeChain(F, *Fn);
        Out.push_back(std::move(F));
      }
  }

  void sleepInCallback() {
    for (const TU *T : M.TUs) {
      for (const json &C : T->F["callback_calls"]) {
        std::string Callee = C["callee"], Cb = C["callback"];
        const TU *D = definer(Callee, T);
        const json *Fn = D ? D->function(Callee) : nullptr;
        if (!Fn || (*Fn)["may_sleep"] != "yes")
          continue;
        Finding F = at("sleep-in-callback", C,
                       "'" + Callee + "' may sleep, but '" + Cb + "' is " +
                           describeContext(C["context"]) +
                           " and must never sleep (Exception #1)");
        F.Notes.push_back(note(C["where"], "'" + Cb + "' is handed to '" +
                                               C["via"].get<std::string>() + "' here"));
        for (const json &St : C["through"])
          F.Notes.push_back(note(St, St["message"]));
        F.Notes.push_back(note(*Fn, "'" + Callee + "' is defined in another file of module '" +
                                        M.Name + "'"));
        calleeChain(F, *Fn);
        Out.push_back(std::move(F));
      }
      // A callback defined in another file: report at its sleeping call.
      for (const json &E : T->F["external_callbacks"]) {
        std::string Cb = E["name"], Ctx = E["context"];
        if (Ctx == "process")
          continue;
        const TU *D = definer(Cb, T);
        const json *Fn = D ? D->function(Cb) : nullptr;
        if (!Fn || (*Fn)["may_sleep"] != "yes" || (*Fn)["chain"].empty())
          continue;
        const json &First = (*Fn)["chain"][0];
        Finding F = at("sleep-in-callback", First,
                       "'" + Cb + "' may sleep, but it is " + describeContext(Ctx) +
                           " and must never sleep (Exception #1)");
        F.Notes.push_back(note(E, "'" + Cb + "' is handed to '" +
                                      E["via"].get<std::string>() +
                                      "' here, in another file of module '" + M.Name + "'"));
        calleeChain(F, *Fn);
        Out.push_back(std::move(F));
      }
    }
  }

  const Module &M;
  std::multimap<std::string, const TU *> Defined;
  std::vector<Finding> Out;
};

// ---- output -------------------------------------------------------------

json reportFor(const Module &M, const std::vector<Finding> &Fs) {
  std::string WD = M.TUs.empty() ? "" : M.TUs[0]->F["working_directory"].get<std::string>();
  json Findings = json::array();
  for (const Finding &F : Fs) {
    json Notes = json::array();
    for (const json &N : F.Notes)
      Notes.push_back(N);
    auto R = ruleOf().find(F.Check);
    Findings.push_back({{"check", F.Check},
                        {"rule", R == ruleOf().end() ? "" : R->second},
                        {"severity", "warning"},
                        {"file", F.File},
                        {"line", F.Line},
                        {"column", F.Column},
                        {"message", F.Message},
                        {"notes", Notes},
                        {"fixits", json::array()}});
  }
  bool IsModule = false;
  for (const TU *T : M.TUs)
    IsModule |= T->F["is_module"].get<bool>();
  return {{"format", "modsafe-report"},
          {"version", 1},
          {"tool", {{"name", "modsafe"}, {"version", MODSAFE_LINK_VERSION}, {"clang", ""}}},
          {"main_file", M.ModFile.empty() ? M.Name + ".mod" : M.ModFile},
          {"working_directory", WD},
          {"module", IsModule},
          {"module_name", M.Name},
          {"findings", Findings}};
}

void writeAtomically(const fs::path &Path, const std::string &Text) {
  fs::path Tmp = Path;
  Tmp += ".tmp." + std::to_string(getpid());
  {
    std::ofstream O(Tmp, std::ios::binary | std::ios::trunc);
    if (!O || !(O << Text) || !(O.flush()))
      throw InputError{Tmp.string() + ": error: cannot write report"};
  }
  std::error_code EC;
  fs::rename(Tmp, Path, EC);
  if (EC) {
    fs::remove(Tmp, EC);
    throw InputError{Path.string() + ": error: cannot write report"};
  }
}

std::string safeName(const std::string &S) {
  std::string R;
  for (char C : S)
    R += (isalnum((unsigned char)C) || C == '_' || C == '-' || C == '.') ? C : '_';
  return R.empty() ? "module" : R;
}

int usage(const char *Msg) {
  if (Msg)
    std::cerr << "modsafe-link: error: " << Msg << "\n";
  std::cerr << "usage: modsafe-link [--kbuild-dir DIR] [--mod FILE.mod]... "
               "[--report-dir DIR] [--quiet] FACTS_DIR_OR_FILE...\n"
               "Joins the per-TU fact files of each module and reports what needs more\n"
               "than one file. Modules: from kbuild's *.mod files (--mod, or all under\n"
               "--kbuild-dir, whose paths are relative to it), else by KBUILD_MODNAME.\n"
               "Exit: 0 no finding, 1 findings, 2 usage or input error.\n";
  return 2;
}

} // namespace

int main(int argc, char **argv) {
  std::vector<std::string> Inputs, Mods;
  std::string KbuildDir, ReportDir;
  bool Quiet = false;
  for (int I = 1; I < argc; ++I) {
    std::string A = argv[I];
    auto value = [&](std::string &Into) {
      size_t Eq = A.find('=');
      if (Eq != std::string::npos) {
        Into = A.substr(Eq + 1);
        return !Into.empty();
      }
      if (I + 1 >= argc)
        return false;
      Into = argv[++I];
      return true;
    };
    std::string V;
    if (A == "-h" || A == "--help") {
      usage(nullptr);
      return 0;
    } else if (A == "--quiet" || A == "-q") {
      Quiet = true;
    } else if (A == "--kbuild-dir" || A.rfind("--kbuild-dir=", 0) == 0) {
      if (!value(KbuildDir))
        return usage("--kbuild-dir needs a directory");
    } else if (A == "--mod" || A.rfind("--mod=", 0) == 0) {
      if (!value(V))
        return usage("--mod needs a file");
      Mods.push_back(V);
    } else if (A == "--report-dir" || A.rfind("--report-dir=", 0) == 0) {
      if (!value(ReportDir))
        return usage("--report-dir needs a directory");
    } else if (!A.empty() && A[0] == '-') {
      return usage(("unknown option '" + A + "'").c_str());
    } else {
      Inputs.push_back(A);
    }
  }
  if (Inputs.empty())
    return usage("no fact files or directories given");

  try {
    std::vector<std::string> Files;
    for (const std::string &In : Inputs)
      collect(In, Files);
    std::sort(Files.begin(), Files.end());
    std::vector<TU> TUs;
    TUs.reserve(Files.size());
    for (const std::string &F : Files)
      TUs.push_back(loadFacts(F));

    fs::path Root = KbuildDir.empty() ? fs::current_path() : fs::absolute(KbuildDir);
    if (!KbuildDir.empty()) {
      std::error_code EC;
      if (!fs::is_directory(Root, EC))
        throw InputError{KbuildDir + ": error: not a directory"};
      if (Mods.empty())
        for (auto It = fs::recursive_directory_iterator(
                 Root, fs::directory_options::skip_permission_denied, EC);
             !EC && It != fs::end(It); It.increment(EC))
          if (It->is_regular_file() && It->path().extension() == ".mod")
            Mods.push_back(It->path().string());
      std::sort(Mods.begin(), Mods.end());
    }

    std::vector<Module> Modules;
    std::set<const TU *> Grouped;
    if (!Mods.empty()) {
      std::map<std::string, const TU *> ByObj;
      for (const TU &T : TUs)
        ByObj[T.Obj] = &T;
      for (const std::string &MF : Mods) {
        Module M;
        M.Name = fs::path(MF).stem().string();
        M.ModFile = MF;
        for (const std::string &O : modObjects(MF, Root)) {
          auto It = ByObj.find(O);
          if (It != ByObj.end()) {
            M.TUs.push_back(It->second);
            Grouped.insert(It->second);
          }
        }
        if (!M.TUs.empty())
          Modules.push_back(std::move(M));
      }
    } else {
      std::map<std::string, Module> ByName;
      for (const TU &T : TUs) {
        std::string N = T.F["module"];
        if (N.empty() || !T.F["is_module"].get<bool>())
          continue; // built-in code: no module boundary to join over
        Module &M = ByName[N];
        M.Name = N;
        M.TUs.push_back(&T);
      }
      for (auto &[N, M] : ByName)
        Modules.push_back(std::move(M));
    }

    size_t Total = 0;
    std::vector<std::pair<const Module *, std::vector<Finding>>> Results;
    for (const Module &M : Modules) {
      std::vector<Finding> Fs = Linker(M).run();
      std::stable_sort(Fs.begin(), Fs.end(), [](const Finding &A, const Finding &B) {
        return std::tie(A.File, A.Line, A.Column, A.Check) <
               std::tie(B.File, B.Line, B.Column, B.Check);
      });
      Total += Fs.size();
      Results.push_back({&M, std::move(Fs)});
    }

    if (!ReportDir.empty()) {
      std::error_code EC;
      fs::create_directories(ReportDir, EC);
      if (EC)
        throw InputError{ReportDir + ": error: cannot create directory: " + EC.message()};
      // Render everything first: a failure leaves no report behind.
      std::vector<std::pair<fs::path, std::string>> Outs;
      for (const auto &[M, Fs] : Results)
        if (M->TUs.size() > 1 || !M->TUs[0]->F["whole_module"].get<bool>())
          Outs.push_back({fs::path(ReportDir) / (safeName(M->Name) + ".link.modsafe.json"),
                          reportFor(*M, Fs).dump(2) + "\n"});
      for (const auto &[P, Text] : Outs)
        writeAtomically(P, Text);
    }
    if (!Quiet)
      for (const auto &[M, Fs] : Results)
        for (const Finding &F : Fs) {
          std::cout << F.File << ":" << F.Line << ":" << F.Column << ": warning: " << F.Message
                    << " [modsafe-" << F.Check << "]\n";
          for (const json &N : F.Notes)
            std::cout << N["file"].get<std::string>() << ":" << N["line"] << ":"
                      << N["column"] << ": note: " << N["message"].get<std::string>() << "\n";
        }
    std::cout.flush();
    if (!Quiet) {
      size_t Multi = 0;
      for (const Module &M : Modules)
        Multi += M.TUs.size() > 1 || !M.TUs[0]->F["whole_module"].get<bool>();
      std::cerr << "modsafe-link: " << TUs.size() << " fact files, " << Modules.size()
                << " modules (" << Multi << " joined), " << Total
                << " finding(s)\n";
    }
    return Total ? 1 : 0;
  } catch (const InputError &E) {
    std::cerr << E.Msg << "\n";
    return 2;
  } catch (const std::exception &E) {
    std::cerr << "modsafe-link: error: " << E.what() << "\n";
    return 2;
  }
}

#include "ProjectConfig.h"
#include "LocatedJson.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Regex.h"

namespace modsafe {

namespace {

std::string at(const std::string &Path, const LocatedJson &LJ, const std::string &Ptr) {
  TextPos P = LJ.posOf(Ptr);
  return Path + ":" + std::to_string(P.Line) + ":" + std::to_string(P.Column) + ": ";
}

bool parse(const std::string &Path, ProjectConfig &C, std::string &Error) {
  auto Buf = llvm::MemoryBuffer::getFile(Path);
  if (!Buf) {
    Error = Path + ": cannot read: " + Buf.getError().message();
    return false;
  }
  LocatedJson LJ;
  std::string E;
  if (!LJ.parse(std::string((*Buf)->getBuffer()), E)) {
    Error = Path + ":" + E;
    return false;
  }
  const nlohmann::json &R = LJ.root();
  if (!R.is_object()) {
    Error = at(Path, LJ, "") + "a .modsafe.json file is a JSON object";
    return false;
  }
  llvm::SmallString<256> Dir(Path);
  llvm::sys::path::remove_filename(Dir);
  for (auto It = R.begin(); It != R.end(); ++It) {
    const std::string &K = It.key();
    std::string Ptr = "/" + jsonPointerEscape(K);
    const nlohmann::json &V = It.value();
    if (K == "checks" && V.is_string()) {
      CheckFilter Probe;
      if (!Probe.parse(V.get<std::string>(), E)) {
        Error = at(Path, LJ, Ptr) + E;
        return false;
      }
      C.Checks = V.get<std::string>();
    } else if (K == "rules" && V.is_array()) {
      for (size_t I = 0; I < V.size(); ++I) {
        if (!V[I].is_string() || V[I].get<std::string>().empty()) {
          Error = at(Path, LJ, Ptr + "/" + std::to_string(I)) +
                  "'rules' lists knowledge-base files, as strings";
          return false;
        }
        llvm::SmallString<256> F(V[I].get<std::string>());
        if (llvm::sys::path::is_relative(F)) {
          llvm::SmallString<256> Abs(Dir);
          llvm::sys::path::append(Abs, F);
          F = Abs;
        }
        C.Rules.push_back(std::string(F.str()));
      }
    } else if (K == "header_filter" && V.is_string()) {
      std::string RE;
      if (!llvm::Regex(V.get<std::string>()).isValid(RE)) {
        Error = at(Path, LJ, Ptr) + "invalid header_filter regex: " + RE;
        return false;
      }
      C.HeaderFilter = V.get<std::string>();
    } else if (K == "assume_module" && V.is_boolean()) {
      C.AssumeModule = V.get<bool>();
    } else if (K == "checks" || K == "rules" || K == "header_filter" ||
               K == "assume_module") {
      Error = at(Path, LJ, Ptr) + "'" + K + "' must be " +
              (K == "rules" ? "an array of strings"
               : K == "assume_module" ? "true or false"
                                       : "a string");
      return false;
    } else {
      Error = at(Path, LJ, Ptr) + "unknown key '" + K +
              "' (known: checks, rules, header_filter, assume_module)";
      return false;
    }
  }
  C.Found = true;
  C.Path = Path;
  return true;
}

} // namespace

bool findProjectConfig(const std::string &Start, ProjectConfig &C, std::string &Error) {
  C = ProjectConfig();
  llvm::SmallString<256> Dir(Start);
  llvm::sys::fs::make_absolute(Dir);
  for (;;) {
    llvm::SmallString<256> F(Dir);
    llvm::sys::path::append(F, ".modsafe.json");
    if (llvm::sys::fs::exists(F))
      return parse(std::string(F.str()), C, Error);
    llvm::StringRef Parent = llvm::sys::path::parent_path(Dir);
    if (Parent.empty() || Parent == Dir)
      return true;
    Dir = Parent;
  }
}

bool applyProjectConfig(const ProjectConfig &C, const Options &Cmd, Options &Out,
                        std::string &Error) {
  Out = Cmd;
  if (!C.Found)
    return true;
  CheckFilter F;
  if (!C.Checks.empty() && !F.parse(C.Checks, Error)) {
    Error = C.Path + ": " + Error;
    return false;
  }
  F.append(Cmd.Checks);
  Out.Checks = F;
  Out.RuleFiles = C.Rules;
  Out.RuleFiles.insert(Out.RuleFiles.end(), Cmd.RuleFiles.begin(), Cmd.RuleFiles.end());
  if (Out.HeaderFilter.empty())
    Out.HeaderFilter = C.HeaderFilter;
  Out.AssumeModule = Cmd.AssumeModule || C.AssumeModule;
  return true;
}

} // namespace modsafe

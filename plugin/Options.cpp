#include "Options.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Regex.h"

namespace modsafe {

const std::vector<CheckInfo> &checkCatalogue() {
  static const std::vector<CheckInfo> Cat = {
#define MODSAFE_CHECK(Id, Class, Rule, Severity, HasFixit, Summary)            \
  {Id, Rule, Severity, Summary, true, HasFixit},
#define MODSAFE_PLANNED(Id, Rule, Severity, Summary)                           \
  {Id, Rule, Severity, Summary, false, false},
#include "Checks.inc"
  };
  return Cat;
}

const CheckInfo *findCheck(const std::string &Id) {
  for (const CheckInfo &C : checkCatalogue())
    if (Id == C.Id)
      return &C;
  return nullptr;
}

bool globMatch(const std::string &G, const std::string &S) {
  // '*' matches any run of characters; nothing else is special.
  size_t Gi = 0, Si = 0, Star = std::string::npos, Mark = 0;
  while (Si < S.size()) {
    if (Gi < G.size() && G[Gi] == '*') {
      Star = Gi++;
      Mark = Si;
    } else if (Gi < G.size() && G[Gi] == S[Si]) {
      ++Gi;
      ++Si;
    } else if (Star != std::string::npos) {
      Gi = Star + 1;
      Si = ++Mark;
    } else {
      return false;
    }
  }
  while (Gi < G.size() && G[Gi] == '*')
    ++Gi;
  return Gi == G.size();
}

bool CheckFilter::parse(const std::string &Globs, std::string &Error) {
  size_t B = 0;
  while (B <= Globs.size()) {
    size_t E = Globs.find(',', B);
    std::string Item = Globs.substr(B, E == std::string::npos ? E : E - B);
    // Trim blanks.
    while (!Item.empty() && isspace((unsigned char)Item.front()))
      Item.erase(0, 1);
    while (!Item.empty() && isspace((unsigned char)Item.back()))
      Item.pop_back();
    if (!Item.empty()) {
      bool Enable = Item[0] != '-';
      std::string G = Enable ? Item : Item.substr(1);
      if (G.rfind("modsafe-", 0) == 0)
        G = G.substr(8);
      bool Any = false;
      for (const CheckInfo &C : checkCatalogue())
        Any |= globMatch(G, C.Id);
      if (!Any) {
        Error = "unknown check '" + G + "' in check list '" + Globs +
                "' (see -fplugin-arg-modsafe-help for the list)";
        return false;
      }
      Items.push_back({Enable, G});
    }
    if (E == std::string::npos)
      break;
    B = E + 1;
  }
  return true;
}

bool CheckFilter::enabled(const std::string &Id) const {
  bool On = true; // every implemented check runs unless disabled
  for (const auto &[Enable, G] : Items)
    if (globMatch(G, Id))
      On = Enable;
  return On;
}

bool Options::parseArg(const std::string &Arg, std::string &Error) {
  size_t Eq = Arg.find('=');
  std::string Name = Arg.substr(0, Eq);
  bool HasValue = Eq != std::string::npos;
  std::string Value = HasValue ? Arg.substr(Eq + 1) : "";
  auto needValue = [&]() {
    if (HasValue && !Value.empty())
      return true;
    Error = "option '" + Name + "' needs a value: " + Name + "=...";
    return false;
  };
  auto noValue = [&]() {
    if (!HasValue)
      return true;
    Error = "option '" + Name + "' takes no value";
    return false;
  };
  if (Name == "help")
    return noValue() && (Help = true);
  if (Name == "report-dir")
    return needValue() && (ReportDir = Value, true);
  if (Name == "rules")
    return needValue() && (RuleFiles.push_back(Value), true);
  if (Name == "checks")
    return needValue() && Checks.parse(Value, Error);
  if (Name == "header-filter") {
    if (!needValue())
      return false;
    std::string RE;
    if (!llvm::Regex(llvm::StringRef(Value)).isValid(RE)) {
      Error = "invalid header-filter regex '" + Value + "': " + RE;
      return false;
    }
    HeaderFilter = Value;
    return true;
  }
  if (Name == "werror")
    return noValue() && (Werror = true);
  if (Name == "assume-module")
    return noValue() && (AssumeModule = true);
  if (Name == "no-config")
    return noValue() && (NoConfig = true);
  if (Name == "list-unused-suppressions")
    return noValue() && (ListUnusedSuppressions = true);
  Error = "unknown option '" + Arg + "' (see " + "help)";
  return false;
}

std::string Options::helpText(const std::string &P) {
  std::string H =
      "modsafe: module-safe interface checks for Linux kernel C code\n"
      "\n"
      "Options (" + P + "NAME[=VALUE]):\n"
      "  " + P + "help                this text\n"
      "  " + P + "report-dir=DIR      write one JSON report per translation unit into DIR\n"
      "  " + P + "checks=GLOBS        enable/disable checks, clang-tidy style: -*,missing-owner\n"
      "  " + P + "rules=FILE          add a knowledge-base file (repeatable)\n"
      "  " + P + "header-filter=RE    also report findings in headers whose path matches RE\n"
      "                                 (default: only the main file)\n"
      "  " + P + "werror              report findings as errors (default: warnings that\n"
      "                                 -Werror does not turn into errors)\n"
      "  " + P + "assume-module       apply module-only checks to code built without -DMODULE\n"
      "  " + P + "no-config           do not read the project's .modsafe.json (found upward\n"
      "                                 from the source file)\n"
      "  " + P + "list-unused-suppressions\n"
      "                                 warn on 'modsafe: ignore' comments that suppress nothing\n"
      "\n"
      "Checks:\n";
  for (const CheckInfo &C : checkCatalogue()) {
    std::string Id = C.Id;
    H += "  " + Id + std::string(Id.size() < 24 ? 24 - Id.size() : 1, ' ') +
         (C.Implemented ? "" : "(planned) ") + "[" + C.Rule + "] " +
         C.Summary + "\n";
  }
  return H;
}

} // namespace modsafe

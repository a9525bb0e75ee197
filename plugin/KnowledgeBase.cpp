#include "KnowledgeBase.h"
#include "LocatedJson.h"

#include "llvm/Support/MemoryBuffer.h"

#include <set>

namespace modsafe {

namespace {

enum class KeyKind { String, Index, Bool, StringList, Enum };

struct KeySpec {
  const char *Name;
  KeyKind Kind;
  bool Required;
  std::vector<const char *> Values; // for Enum
};

struct SectionSpec {
  const char *Name;
  std::vector<KeySpec> Keys;
  std::vector<const char *> OneOf; // exactly one of these keys must appear
};

const std::vector<const char *> CallbackContexts = {
    "process", "hardirq", "softirq", "timer", "hrtimer", "tasklet", "rcu",
    "atomic"};

const std::vector<const char *> DeferredKinds = {
    "timer", "hrtimer", "work", "delayed_work", "tasklet", "kthread", "rcu",
    "srcu", "workqueue"};

KeySpec S(const char *N, bool R = false) { return {N, KeyKind::String, R, {}}; }
KeySpec I(const char *N, bool R = false) { return {N, KeyKind::Index, R, {}}; }
KeySpec B(const char *N, bool R = false) { return {N, KeyKind::Bool, R, {}}; }
KeySpec L(const char *N, bool R = false) { return {N, KeyKind::StringList, R, {}}; }
KeySpec E(const char *N, std::vector<const char *> V, bool R = false) {
  return {N, KeyKind::Enum, R, std::move(V)};
}

// The whole schema. Every entry may carry "why" (shown in notes and docs)
// and "comment" (ignored).
const std::vector<SectionSpec> &schema() {
  static const std::vector<SectionSpec> Spec = {
      {"owner_types", {S("struct", true), S("field")}, {}},
      {"registrations",
       {S("function"), S("macro"), I("arg"),
        E("owner", {"fills", "caller", "none"}, true), I("owner_arg"),
        L("macros"), S("unregister"), B("sync_unregister"),
        E("context", CallbackContexts),
        I("callback_arg"), B("counted"), B("unsafe")},
       {"function", "macro"}},
      // Rule #2: kernel hook variables, global function pointers the kernel
      // calls with no owner and no unregister (rules/rule2.json).
      {"hooks", {S("variable", true), B("unsafe"), E("context", CallbackContexts)}, {}},
      {"pins",
       {S("function"), S("field"), I("arg"),
        E("pinned_by", {"owner_of_arg", "owner_of_base", "owner_of_type"}, true),
        I("by_arg"), S("by_type")},
       {"function", "field"}},
      {"sleeping",
       {S("function"), S("macro"), S("pattern"), B("sleeps")},
       {"function", "macro", "pattern"}},
      {"allocators", {S("function", true), I("gfp_arg", true)}, {}},
      {"gfp_flags", {S("name", true), B("sleeps", true)}, {}},
      {"context_tests", {S("name", true)}, {}},
      {"atomic_regions",
       {S("begin", true), L("end", true),
        E("kind", {"spinlock", "rwlock", "rcu", "preempt", "irq", "bh"}, true),
        B("trylock")},
       {}},
      {"callbacks",
       {S("function"), S("macro"), S("field"), I("callback_arg"),
        E("context", CallbackContexts, true), B("counted")},
       {"function", "macro", "field"}},
      {"arming",
       {S("function"), S("field"), E("kind", DeferredKinds, true),
        I("object_arg"), I("callback_arg"), B("device_managed")},
       {"function", "field"}},
      {"starts",
       {S("function", true), E("kind", DeferredKinds, true), I("object_arg"),
        I("workqueue_arg")},
       {}},
      {"teardown",
       {S("function", true), E("kind", DeferredKinds, true), I("object_arg")},
       {}},
      {"thread_exits", {S("function", true)}, {}},
      {"system_end", {S("function", true)}, {}},
      {"handshakes",
       {S("function", true), E("role", {"signal", "wait"}, true), I("object_arg", true),
        B("exits")},
       {}},
      {"deferred_objects", {S("struct", true), E("kind", DeferredKinds, true)}, {}},
      {"lifecycles", {S("struct", true), S("setup", true), S("teardown", true)}, {}},
      {"devm_actions", {S("function", true), I("action_arg", true)}, {}},
      {"unpublish",
       {S("function"), S("macro"), I("target_arg"), I("value_arg"), L("readers", true)},
       {"function", "macro"}},
      {"quiescence",
       {S("function"), S("macro"), L("waits_for", true)},
       {"function", "macro"}},
      {"loader_quiescence", {S("waits_for", true)}, {}},
      {"ref_get",
       {S("function"), S("macro"), I("arg"),
        E("result", {"bool", "pointer", "void"}, true),
        E("on", {"module", "object", "result"})},
       {"function", "macro"}},
      {"ref_put",
       {S("function"), S("macro"), I("arg"), E("on", {"module", "object"})},
       {"function", "macro"}},
      {"pinned_calls", {S("through", true)}, {}},
      {"frees", {S("function", true), I("arg")}, {}},
      {"error_values",
       {S("function", true), E("kind", {"test", "test_or_null", "make"}, true),
        I("arg")},
       {}},
      {"aliases", {S("name", true), S("same_as", true), S("since")}, {}},
      {"stores", {S("function", true), I("arg", true), I("into")}, {}},
      {"managed_allocators", {S("function", true), I("device_arg", true)}, {}},
  };
  return Spec;
}

std::string typeName(const nlohmann::json &V) {
  return V.type_name();
}

class Loader {
public:
  Loader(const std::string &Name, const LocatedJson &J) : Name(Name), J(J) {}

  bool fail(const std::string &Ptr, const std::string &Msg) {
    TextPos P = J.posOf(Ptr);
    Error = Name + ":" + std::to_string(P.Line) + ":" +
            std::to_string(P.Column) + ": " + Msg;
    return false;
  }

  bool validateEntry(const SectionSpec &Sec, const nlohmann::json &Entry,
                     const std::string &Ptr) {
    if (!Entry.is_object())
      return fail(Ptr, std::string("an entry of '") + Sec.Name +
                           "' must be an object, not " + typeName(Entry));
    for (auto It = Entry.begin(); It != Entry.end(); ++It) {
      const std::string &K = It.key();
      std::string KPtr = Ptr + "/" + jsonPointerEscape(K);
      if (K == "why" || K == "comment") {
        if (!It->is_string())
          return fail(KPtr, "'" + K + "' must be a string");
        continue;
      }
      const KeySpec *Spec = nullptr;
      for (const KeySpec &KS : Sec.Keys)
        if (K == KS.Name)
          Spec = &KS;
      if (!Spec) {
        std::string Allowed;
        for (const KeySpec &KS : Sec.Keys)
          Allowed += std::string(Allowed.empty() ? "" : ", ") + KS.Name;
        return fail(KPtr, "unknown key '" + K + "' in '" + Sec.Name +
                              "' (allowed: " + Allowed + ", why, comment)");
      }
      const nlohmann::json &V = *It;
      switch (Spec->Kind) {
      case KeyKind::String:
        if (!V.is_string() || V.get<std::string>().empty())
          return fail(KPtr, "'" + K + "' must be a non-empty string");
        break;
      case KeyKind::Index:
        if (!V.is_number_unsigned())
          return fail(KPtr, "'" + K + "' must be an argument index (0, 1, ...)");
        break;
      case KeyKind::Bool:
        if (!V.is_boolean())
          return fail(KPtr, "'" + K + "' must be true or false");
        break;
      case KeyKind::StringList:
        if (V.is_string())
          break; // a single name is accepted for a list of one
        if (!V.is_array())
          return fail(KPtr, "'" + K + "' must be a string or a list of strings");
        for (size_t N = 0; N < V.size(); ++N)
          if (!V[N].is_string())
            return fail(KPtr + "/" + std::to_string(N),
                        "'" + K + "' must list strings only");
        break;
      case KeyKind::Enum: {
        std::string Allowed;
        bool Found = false;
        for (const char *A : Spec->Values) {
          Allowed += std::string(Allowed.empty() ? "" : ", ") + A;
          Found |= V.is_string() && V.get<std::string>() == A;
        }
        if (!Found)
          return fail(KPtr, "'" + K + "' must be one of: " + Allowed);
        break;
      }
      }
    }
    for (const KeySpec &KS : Sec.Keys)
      if (KS.Required && !Entry.contains(KS.Name))
        return fail(Ptr, std::string("entry of '") + Sec.Name +
                             "' lacks required key '" + KS.Name + "'");
    if (!Sec.OneOf.empty()) {
      int Count = 0;
      std::string Names;
      for (const char *K : Sec.OneOf) {
        Count += Entry.contains(K);
        Names += std::string(Names.empty() ? "'" : " or '") + K + "'";
      }
      if (Count != 1)
        return fail(Ptr, std::string("entry of '") + Sec.Name +
                             "' needs exactly one of " + Names);
    }
    return true;
  }

  bool validate() {
    const nlohmann::json &R = J.root();
    if (!R.is_object())
      return fail("", "a rules file must be a JSON object");
    if (!R.contains("modsafe-rules"))
      return fail("", "missing \"modsafe-rules\": 1 (the format version)");
    for (auto It = R.begin(); It != R.end(); ++It) {
      std::string Ptr = "/" + jsonPointerEscape(It.key());
      if (It.key() == "modsafe-rules") {
        if (!It->is_number_unsigned() || It->get<unsigned>() != 1)
          return fail(Ptr, "unsupported format version (this modsafe reads 1)");
        continue;
      }
      if (It.key() == "description" || It.key() == "comment") {
        if (!It->is_string())
          return fail(Ptr, "'" + It.key() + "' must be a string");
        continue;
      }
      const SectionSpec *Sec = nullptr;
      for (const SectionSpec &SS : schema())
        if (It.key() == SS.Name)
          Sec = &SS;
      if (!Sec) {
        std::string Allowed;
        for (const SectionSpec &SS : schema())
          Allowed += std::string(Allowed.empty() ? "" : ", ") + SS.Name;
        return fail(Ptr, "unknown section '" + It.key() + "' (known: " +
                             Allowed + ")");
      }
      if (!It->is_array())
        return fail(Ptr, "section '" + It.key() + "' must be a list");
      for (size_t N = 0; N < It->size(); ++N)
        if (!validateEntry(*Sec, (*It)[N], Ptr + "/" + std::to_string(N)))
          return false;
      // Cross-key rules the table cannot say.
      for (size_t N = 0; N < It->size(); ++N) {
        const nlohmann::json &En = (*It)[N];
        std::string EP = Ptr + "/" + std::to_string(N);
        if (It.key() == "pins") {
          std::string By = En["pinned_by"];
          if (By == "owner_of_arg" && !En.contains("by_arg"))
            return fail(EP, "'pinned_by': 'owner_of_arg' needs 'by_arg'");
          if (By == "owner_of_type" && !En.contains("by_type"))
            return fail(EP, "'pinned_by': 'owner_of_type' needs 'by_type'");
          if (En.contains("function") && !En.contains("arg"))
            return fail(EP, "a pin on a function needs 'arg'");
          if (En.contains("field") &&
              En["field"].get<std::string>().find('.') == std::string::npos)
            return fail(EP + "/field", "'field' must be 'struct.field'");
        }
      }
    }
    return true;
  }

  std::string Error;

private:
  const std::string &Name;
  const LocatedJson &J;
};

std::vector<std::string> splitPath(const std::string &P) {
  std::vector<std::string> R;
  size_t B = 0;
  while (true) {
    size_t D = P.find('.', B);
    R.push_back(P.substr(B, D == std::string::npos ? D : D - B));
    if (D == std::string::npos)
      return R;
    B = D + 1;
  }
}

std::string str(const nlohmann::json &E, const char *K, std::string Def = "") {
  return E.contains(K) ? E[K].get<std::string>() : Def;
}
int idx(const nlohmann::json &E, const char *K) {
  return E.contains(K) ? int(E[K].get<unsigned>()) : -1;
}

} // namespace

// Generated from rules/*.json at build time.
struct BuiltinRuleFile {
  const char *Name;
  const char *Text;
};
extern const BuiltinRuleFile ModsafeBuiltinRules[];
extern const unsigned ModsafeBuiltinRuleCount;

bool KnowledgeBase::loadBuiltin(std::string &Error) {
  for (unsigned N = 0; N < ModsafeBuiltinRuleCount; ++N)
    if (!loadText(ModsafeBuiltinRules[N].Name, ModsafeBuiltinRules[N].Text,
                  Error))
      return false;
  return true;
}

bool KnowledgeBase::loadFile(const std::string &Path, std::string &Error) {
  auto Buf = llvm::MemoryBuffer::getFile(Path, /*IsText=*/true);
  if (!Buf) {
    Error = Path + ": cannot read rules file: " + Buf.getError().message();
    return false;
  }
  return loadText(Path, (*Buf)->getBuffer().str(), Error);
}

bool KnowledgeBase::loadText(const std::string &Name, const std::string &Text,
                             std::string &Error) {
  LocatedJson J;
  std::string ParseError;
  if (!J.parse(Text, ParseError)) {
    Error = Name + ":" + ParseError;
    return false;
  }
  Loader L(Name, J);
  if (!L.validate()) {
    Error = L.Error;
    return false;
  }
  // Only a fully valid file changes the knowledge base.
  const nlohmann::json &R = J.root();
  for (auto It = R.begin(); It != R.end(); ++It) {
    const std::string &Sec = It.key();
    if (!It->is_array())
      continue;
    for (const nlohmann::json &En : *It) {
      Sections[Sec].push_back(En);
      if (Sec == "owner_types") {
        OwnerType O;
        O.Struct = En["struct"];
        O.FieldPath = splitPath(str(En, "field", "owner"));
        O.Why = str(En, "why");
        OwnerTypes[O.Struct] = O; // a later file overrides an earlier one
      } else if (Sec == "registrations") {
        Registration Rg;
        Rg.Function = str(En, "function", str(En, "macro"));
        Rg.Arg = idx(En, "arg");
        std::string O = En["owner"];
        Rg.Owner = O == "fills"    ? OwnerPolicy::Fills
                   : O == "caller" ? OwnerPolicy::Caller
                                   : OwnerPolicy::None;
        Rg.OwnerArg = idx(En, "owner_arg");
        if (En.contains("macros")) {
          if (En["macros"].is_string())
            Rg.Macros.push_back(En["macros"]);
          else
            for (auto &M : En["macros"])
              Rg.Macros.push_back(M);
        }
        Rg.Unregister = str(En, "unregister");
        Rg.SyncUnregister = En.value("sync_unregister", false);
        Rg.Context = str(En, "context");
        Rg.CallbackArg = idx(En, "callback_arg");
        Rg.Counted = En.value("counted", true);
        Rg.Unsafe = En.value("unsafe", false);
        Rg.Why = str(En, "why");
        Registrations[Rg.Function] = Rg;
      } else if (Sec == "pins") {
        Pin P;
        P.Function = str(En, "function");
        P.Arg = idx(En, "arg");
        std::string F = str(En, "field");
        if (!F.empty()) {
          size_t D = F.find('.');
          P.FieldStruct = F.substr(0, D);
          P.FieldName = F.substr(D + 1);
        }
        std::string By = En["pinned_by"];
        P.By = By == "owner_of_arg"    ? Pin::OwnerOfArg
               : By == "owner_of_base" ? Pin::OwnerOfBase
                                       : Pin::OwnerOfType;
        P.ByArg = idx(En, "by_arg");
        P.ByType = str(En, "by_type");
        P.Why = str(En, "why");
        Pins.push_back(P);
      } else if (Sec == "aliases") {
        Aliases[En["name"]] = En["same_as"];
      }
    }
  }
  Files.push_back(Name);
  return true;
}

const OwnerType *KnowledgeBase::ownerType(const std::string &Struct) const {
  auto It = OwnerTypes.find(Struct);
  return It == OwnerTypes.end() ? nullptr : &It->second;
}

const Registration *
KnowledgeBase::registration(const std::string &Function) const {
  auto It = Registrations.find(canonical(Function));
  if (It == Registrations.end())
    It = Registrations.find(Function);
  return It == Registrations.end() ? nullptr : &It->second;
}

std::vector<const Pin *> KnowledgeBase::callPins(const std::string &Function,
                                                 int Arg) const {
  std::vector<const Pin *> R;
  for (const Pin &P : Pins)
    if (!P.Function.empty() && P.Function == Function && P.Arg == Arg)
      R.push_back(&P);
  return R;
}

std::vector<const Pin *> KnowledgeBase::fieldPins(const std::string &Struct,
                                                  const std::string &Field) const {
  std::vector<const Pin *> R;
  for (const Pin &P : Pins)
    if (P.FieldStruct == Struct && P.FieldName == Field)
      R.push_back(&P);
  return R;
}

const std::vector<nlohmann::json> &
KnowledgeBase::section(const std::string &Name) const {
  static const std::vector<nlohmann::json> Empty;
  auto It = Sections.find(Name);
  return It == Sections.end() ? Empty : It->second;
}

std::string KnowledgeBase::canonical(const std::string &Name) const {
  auto It = Aliases.find(Name);
  return It == Aliases.end() ? Name : It->second;
}

} // namespace modsafe

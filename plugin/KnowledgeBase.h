// What the kernel's interfaces promise, loaded from data files (rules/*.json,
// built into the plugin, plus any file the user names). The schema of every
// section is declared once in KnowledgeBase.cpp; a file with an unknown key, a
// wrong type or a missing required key is refused with FILE:LINE:COL.
// docs/knowledge-base.md documents the format.
#pragma once

#include <nlohmann/json.hpp>

#include <map>
#include <string>
#include <vector>

namespace modsafe {

/// A structure type whose owner field guards calls through its function
/// pointers (Rule #1): the interface takes a reference on that owner before
/// it calls in, so the module must fill it in.
struct OwnerType {
  std::string Struct;                 // struct tag, e.g. "file_operations"
  std::vector<std::string> FieldPath; // e.g. {"owner"} or {"driver","owner"}
  std::string Why;
};

enum class OwnerPolicy {
  Fills,  // the registration sets the owner itself (passes THIS_MODULE)
  Caller, // the caller must set the owner in the structure it hands over
  None,   // no owner involved (safe or unsafe by other means)
};

/// A function (after macro expansion) that takes callbacks or an ops
/// structure and keeps it for later calls.
struct Registration {
  std::string Function;
  int Arg = -1; // argument carrying the callbacks/ops; -1: any
  OwnerPolicy Owner = OwnerPolicy::Caller;
  int OwnerArg = -1;
  std::vector<std::string> Macros;
  std::string Unregister;
  bool SyncUnregister = false;
  std::string Context; // execution context of the callbacks ("hardirq", ...)
  int CallbackArg = -1;
  bool Counted = true;
  bool Unsafe = false; // Rule #2: no owner and no synchronous unregister
  std::string Why;
};

/// An object handed over here is pinned for as long as it is used by the
/// owner of something else (Rusty's batching).
struct Pin {
  enum Kind { OwnerOfArg, OwnerOfBase, OwnerOfType };
  std::string Function; // a call: Function(…, obj at Arg, …)
  int Arg = -1;
  std::string FieldStruct, FieldName; // or a store: x->FieldName = obj
  Kind By = OwnerOfArg;
  int ByArg = -1;
  std::string ByType;
  std::string Why;
};

class KnowledgeBase {
public:
  /// Loads the rule files built into modsafe (rules/*.json).
  bool loadBuiltin(std::string &Error);
  /// Loads one more file; Error is "PATH:LINE:COL: message".
  bool loadFile(const std::string &Path, std::string &Error);
  bool loadText(const std::string &Name, const std::string &Text,
                std::string &Error);

  const OwnerType *ownerType(const std::string &Struct) const;
  const Registration *registration(const std::string &Function) const;
  /// Pins for argument Arg of a call to Function.
  std::vector<const Pin *> callPins(const std::string &Function, int Arg) const;
  /// Pins for a store to Struct.Field.
  std::vector<const Pin *> fieldPins(const std::string &Struct,
                                     const std::string &Field) const;

  /// Entries of the sections later analyses consume (validated, untyped).
  const std::vector<nlohmann::json> &section(const std::string &Name) const;

  /// Canonical name for a kernel-version alias (timer_delete_sync →
  /// del_timer_sync), or Name itself.
  std::string canonical(const std::string &Name) const;

  std::vector<std::string> loadedFiles() const { return Files; }

private:
  std::map<std::string, OwnerType> OwnerTypes;
  std::map<std::string, Registration> Registrations;
  std::vector<Pin> Pins;
  std::map<std::string, std::vector<nlohmann::json>> Sections;
  std::map<std::string, std::string> Aliases;
  std::vector<std::string> Files;
};

} // namespace modsafe

// Helpers shared by the report library's sources (not installed API).
#pragma once

#include "LocatedJson.h"

#include <nlohmann/json.hpp>

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace modsafe {
namespace report {
namespace detail {

// JSON with the position of every key and element: the plugin's LocatedJson
// (plugin/LocatedJson.h, library modsafeJson), so knowledge-base files and
// reports are refused with positions by one implementation.
using modsafe::LocatedJson;
using modsafe::TextPos;
inline std::string pointerEscape(const std::string &Key) {
  return modsafe::jsonPointerEscape(Key);
}

/// Reads a whole file; false with Error = strerror text.
bool readWholeFile(const std::string &Path, std::string &Out, std::string &Error);

/// Source files read at most once (for fingerprints and excerpts).
class SourceCache {
public:
  /// The file's lines without their end-of-line characters, or null.
  const std::vector<std::string> *lines(const std::string &AbsPath);

private:
  std::map<std::string, std::unique_ptr<std::vector<std::string>>> Files;
};

/// Absolute path of a merged report's path (relative to its src_root).
std::string absoluteIn(const nlohmann::json &Merged, const std::string &File);

/// Serializes JSON; invalid UTF-8 is replaced rather than thrown on.
std::string dumpJson(const nlohmann::json &J, int Indent);

std::string displayModule(const std::string &Name);

} // namespace detail
} // namespace report
} // namespace modsafe

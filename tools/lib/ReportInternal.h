// Helpers shared by the report library's sources (not installed API).
#pragma once

#include <nlohmann/json.hpp>

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace modsafe {
namespace report {
namespace detail {

struct TextPos {
  unsigned Line = 1, Column = 1;
};

/// JSON parsed with the position of every key, array element and container,
/// so that a well-formed file with a wrong field is refused with its line.
class LocatedJson {
public:
  /// On a syntax error returns false with Error = "LINE:COL: problem".
  bool parse(const std::string &Text, std::string &Error);
  nlohmann::json &root() { return Root; }
  /// Position of the value at a JSON pointer, or of its nearest ancestor.
  TextPos posOf(const std::string &Pointer) const;

private:
  nlohmann::json Root;
  std::map<std::string, TextPos> Positions;
};

std::string pointerEscape(const std::string &Key);

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

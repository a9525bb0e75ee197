// JSON text parsed with nlohmann/json, plus the line and column of every
// key and array element, so that a knowledge-base file that is well-formed
// JSON but wrong for modsafe can still be refused with a precise position.
#pragma once

#include <nlohmann/json.hpp>

#include <map>
#include <string>

namespace modsafe {

struct TextPos {
  unsigned Line = 0, Column = 0;
};

class LocatedJson {
public:
  /// Parses Text. On a syntax error returns false and sets Error to
  /// "LINE:COL: message" (1-based).
  bool parse(const std::string &Text, std::string &Error);

  const nlohmann::json &root() const { return Root; }
  nlohmann::json &root() { return Root; }

  /// Position of the value at a JSON pointer ("/registrations/3/arg"): the key
  /// for object members, the first character for array elements. Falls back
  /// to the nearest enclosing value that has one.
  TextPos posOf(const std::string &Pointer) const;

private:
  nlohmann::json Root;
  std::map<std::string, TextPos> Positions;
};

/// Escapes a key for use in a JSON pointer (RFC 6901).
std::string jsonPointerEscape(const std::string &Key);

} // namespace modsafe

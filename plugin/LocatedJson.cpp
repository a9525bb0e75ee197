#include "LocatedJson.h"

#include <vector>

namespace modsafe {

std::string jsonPointerEscape(const std::string &Key) {
  std::string R;
  for (char C : Key) {
    if (C == '~')
      R += "~0";
    else if (C == '/')
      R += "~1";
    else
      R += C;
  }
  return R;
}

namespace {

// Input iterator over the text that tells the SAX handler how far the lexer
// has read: nlohmann's lexer pulls one character at a time and never
// re-reads, so at each SAX event the count is the end of the token.
struct CountingIter {
  using iterator_category = std::input_iterator_tag;
  using value_type = char;
  using difference_type = std::ptrdiff_t;
  using pointer = const char *;
  using reference = const char &;

  const char *P;
  size_t *Count;
  reference operator*() const { return *P; }
  CountingIter &operator++() {
    ++P;
    ++*Count;
    return *this;
  }
  bool operator==(const CountingIter &O) const { return P == O.P; }
  bool operator!=(const CountingIter &O) const { return P != O.P; }
};

class LineTable {
public:
  explicit LineTable(const std::string &T) {
    Starts.push_back(0);
    for (size_t I = 0; I < T.size(); ++I)
      if (T[I] == '\n')
        Starts.push_back(I + 1);
  }
  TextPos at(size_t Off) const {
    size_t L = std::upper_bound(Starts.begin(), Starts.end(), Off) - Starts.begin();
    return {unsigned(L), unsigned(Off - Starts[L - 1] + 1)};
  }

private:
  std::vector<size_t> Starts;
};

class PosSax {
public:
  PosSax(const std::string &Text, const size_t &Read,
         std::map<std::string, TextPos> &Out)
      : Text(Text), Read(Read), Lines(Text), Out(Out) {}

  std::string Error;

  bool null() { return scalar(); }
  bool boolean(bool) { return scalar(); }
  bool number_integer(nlohmann::json::number_integer_t) { return scalar(); }
  bool number_unsigned(nlohmann::json::number_unsigned_t) { return scalar(); }
  bool number_float(nlohmann::json::number_float_t, const std::string &) {
    return scalar();
  }
  bool string(std::string &) { return scalar(); }
  bool binary(nlohmann::json::binary_t &) { return scalar(); }
  bool start_object(std::size_t) { return open(false); }
  bool start_array(std::size_t) { return open(true); }
  bool end_object() { return close(); }
  bool end_array() { return close(); }
  bool key(std::string &K) {
    // The lexer has just read the closing quote: walk back to the opening one.
    size_t End = Read ? Read - 1 : 0, B = End;
    while (B > 0) {
      --B;
      if (Text[B] == '"' && (B == 0 || Text[B - 1] != '\\'))
        break;
    }
    Stack.back().Key = jsonPointerEscape(K);
    Out[Stack.back().Ptr + "/" + Stack.back().Key] = Lines.at(B);
    return true;
  }
  bool parse_error(std::size_t Pos, const std::string &,
                   const nlohmann::detail::exception &E) {
    TextPos P = Lines.at(Pos ? Pos - 1 : 0);
    std::string Msg = E.what();
    // Drop nlohmann's "[json.exception.parse_error.101] parse error at line
    // 1, column 2: " prefix: the position is given in our own format.
    size_t Colon = Msg.find(": ");
    if (Msg.rfind("[json.exception", 0) == 0 && Colon != std::string::npos)
      Msg = Msg.substr(Colon + 2);
    Error = std::to_string(P.Line) + ":" + std::to_string(P.Column) + ": " + Msg;
    return false;
  }

private:
  struct Frame {
    bool IsArray;
    std::string Ptr;
    size_t Index = 0;
    std::string Key;
  };
  const std::string &Text;
  const size_t &Read;
  LineTable Lines;
  std::map<std::string, TextPos> &Out;
  std::vector<Frame> Stack;

  std::string childPtr() {
    if (Stack.empty())
      return "";
    Frame &F = Stack.back();
    if (F.IsArray)
      return F.Ptr + "/" + std::to_string(F.Index);
    return F.Ptr + "/" + F.Key;
  }
  bool scalar() {
    if (!Stack.empty() && Stack.back().IsArray) {
      // Position of a scalar element: the token end is close enough to name
      // the line; walk back over the token for the column.
      size_t B = Read ? Read - 1 : 0;
      while (B > 0 && (Text[B] == ',' || Text[B] == ']' || isspace((unsigned char)Text[B])))
        --B;
      Out[childPtr()] = Lines.at(B);
      ++Stack.back().Index;
    }
    return true;
  }
  bool open(bool IsArray) {
    std::string P = childPtr();
    Out[P] = Lines.at(Read ? Read - 1 : 0);
    Stack.push_back({IsArray, P, 0, std::string()});
    return true;
  }
  bool close() {
    Stack.pop_back();
    if (!Stack.empty() && Stack.back().IsArray)
      ++Stack.back().Index;
    return true;
  }
};

} // namespace

bool LocatedJson::parse(const std::string &Text, std::string &Error) {
  Positions.clear();
  size_t Read = 0;
  PosSax Sax(Text, Read, Positions);
  CountingIter B{Text.data(), &Read}, E{Text.data() + Text.size(), &Read};
  if (!nlohmann::json::sax_parse(B, E, &Sax)) {
    Error = Sax.Error.empty() ? "1:1: not valid JSON" : Sax.Error;
    return false;
  }
  Root = nlohmann::json::parse(Text, nullptr, /*allow_exceptions=*/false);
  if (Root.is_discarded()) {
    Error = "1:1: not valid JSON";
    return false;
  }
  return true;
}

TextPos LocatedJson::posOf(const std::string &Pointer) const {
  std::string P = Pointer;
  while (true) {
    auto It = Positions.find(P);
    if (It != Positions.end())
      return It->second;
    size_t Slash = P.rfind('/');
    if (Slash == std::string::npos)
      return {1, 1};
    P = P.substr(0, Slash);
  }
}

} // namespace modsafe

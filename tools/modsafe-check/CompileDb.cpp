#include "CompileDb.h"
#include "Args.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

#include <nlohmann/json.hpp>

namespace modsafe::check {

std::string absolutePath(const std::string &Base, const std::string &P) {
  llvm::SmallString<256> R(P);
  if (!llvm::sys::path::is_absolute(R)) {
    if (Base.empty())
      llvm::sys::fs::make_absolute(R);
    else
      llvm::sys::fs::make_absolute(Base, R);
  }
  llvm::sys::path::remove_dots(R, /*remove_dot_dot=*/true);
  return std::string(R.str());
}

bool locateCompileDb(const std::string &Path, std::string &File,
                     std::string &Error) {
  if (llvm::sys::fs::is_directory(Path)) {
    llvm::SmallString<256> F(Path);
    llvm::sys::path::append(F, "compile_commands.json");
    if (!llvm::sys::fs::exists(F)) {
      Error = std::string(F.str()) +
              ": no compilation database (make one in the kernel tree with "
              "'scripts/clang-tools/gen_compile_commands.py' after a build, or "
              "'make compile_commands.json')";
      return false;
    }
    File = std::string(F.str());
    return true;
  }
  if (!llvm::sys::fs::exists(Path)) {
    Error = Path + ": no such file or directory (-p takes the build directory "
                   "holding compile_commands.json, or the file itself)";
    return false;
  }
  File = Path;
  return true;
}

namespace {

struct LineCol {
  unsigned Line, Col;
};

LineCol lineCol(const std::string &Text, size_t Offset) {
  LineCol R{1, 1};
  for (size_t I = 0; I < Offset && I < Text.size(); ++I) {
    if (Text[I] == '\n') {
      ++R.Line;
      R.Col = 1;
    } else {
      ++R.Col;
    }
  }
  return R;
}

// Offsets where the elements of the top-level JSON array begin (the text is
// valid JSON by now).
std::vector<size_t> elementOffsets(const std::string &T) {
  std::vector<size_t> R;
  int Depth = 0;
  bool Expect = false;
  for (size_t I = 0; I < T.size(); ++I) {
    char C = T[I];
    if (C == '"') {
      if (Depth == 1 && Expect) {
        R.push_back(I);
        Expect = false;
      }
      for (++I; I < T.size() && T[I] != '"'; ++I)
        if (T[I] == '\\')
          ++I;
      continue;
    }
    if (C == ' ' || C == '\t' || C == '\n' || C == '\r')
      continue;
    if (Depth == 1 && Expect && C != ']') {
      R.push_back(I);
      Expect = false;
    }
    if (C == '[' || C == '{') {
      if (Depth == 0 && C == '[')
        Expect = true;
      ++Depth;
    } else if (C == ']' || C == '}') {
      --Depth;
    } else if (C == ',' && Depth == 1) {
      Expect = true;
    }
  }
  return R;
}

} // namespace

bool loadCompileDb(const std::string &File, std::vector<CompileEntry> &Out,
                   std::string &Error) {
  auto Buf = llvm::MemoryBuffer::getFile(File, /*IsText=*/true);
  if (!Buf) {
    Error = File + ": cannot read compilation database: " +
            Buf.getError().message();
    return false;
  }
  std::string Text = (*Buf)->getBuffer().str();
  nlohmann::json J;
  try {
    J = nlohmann::json::parse(Text);
  } catch (const nlohmann::json::parse_error &E) {
    LineCol LC = lineCol(Text, E.byte ? E.byte - 1 : 0);
    std::string What = E.what();
    // "[json.exception.parse_error.101] parse error at line 3, column 5: x"
    size_t P = What.find(": ");
    if (P != std::string::npos && What.find("column") < P)
      What = What.substr(P + 2);
    else if ((P = What.find("] ")) != std::string::npos)
      What = What.substr(P + 2);
    Error = File + ":" + std::to_string(LC.Line) + ":" +
            std::to_string(LC.Col) + ": malformed compilation database: " + What;
    return false;
  }
  if (!J.is_array()) {
    Error = File + ":1:1: malformed compilation database: the top level must "
                   "be an array of compile commands, not " +
            std::string(J.type_name());
    return false;
  }
  std::vector<size_t> Offsets = elementOffsets(Text);
  llvm::SmallString<256> DbDir(File);
  llvm::sys::path::remove_filename(DbDir);
  std::string Base = absolutePath("", DbDir.empty() ? "." : std::string(DbDir.str()));

  for (size_t I = 0; I < J.size(); ++I) {
    const nlohmann::json &E = J[I];
    LineCol LC = lineCol(Text, I < Offsets.size() ? Offsets[I] : 0);
    std::string Where = File + ":" + std::to_string(LC.Line) + ":" +
                        std::to_string(LC.Col) + ": compile command " +
                        std::to_string(I + 1) + ": ";
    if (!E.is_object()) {
      Error = Where + "expected an object with \"directory\", \"file\" and "
                      "\"command\" or \"arguments\", not " +
              std::string(E.type_name());
      return false;
    }
    auto str = [&](const char *Key, std::string &V, bool Required) {
      auto It = E.find(Key);
      if (It == E.end()) {
        if (Required)
          Error = Where + "missing \"" + Key + "\"";
        return !Required;
      }
      if (!It->is_string() || It->get<std::string>().empty()) {
        Error = Where + "\"" + Key + "\" must be a non-empty string";
        return false;
      }
      V = It->get<std::string>();
      return true;
    };
    CompileEntry C;
    C.Index = unsigned(I);
    C.Line = LC.Line;
    std::string Command;
    if (!str("directory", C.Directory, true) || !str("file", C.File, true) ||
        !str("output", C.Output, false))
      return false;
    auto Args = E.find("arguments");
    if (Args != E.end()) {
      if (!Args->is_array() || Args->empty()) {
        Error = Where + "\"arguments\" must be a non-empty array of strings";
        return false;
      }
      for (const nlohmann::json &A : *Args) {
        if (!A.is_string()) {
          Error = Where + "\"arguments\" must be a non-empty array of strings";
          return false;
        }
        C.Command.push_back(A.get<std::string>());
      }
    } else {
      if (!str("command", Command, false))
        return false;
      if (Command.empty()) {
        Error = Where + "missing \"command\" or \"arguments\"";
        return false;
      }
      C.Command = splitCommandLine(Command);
      if (C.Command.empty()) {
        Error = Where + "\"command\" is empty";
        return false;
      }
    }
    C.Directory = absolutePath(Base, C.Directory);
    C.AbsFile = absolutePath(C.Directory, C.File);
    Out.push_back(std::move(C));
  }
  return true;
}

} // namespace modsafe::check

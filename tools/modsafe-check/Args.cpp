#include "Args.h"
#include "DriverCompat.h"

#include "Compat.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Path.h"

#include <algorithm>
#include <set>

namespace modsafe::check {

using compat::startsWith;

namespace {

// kbuild's CHECKFLAGS (Linux 6.x Makefile and arch/*/Makefile) that are meant
// for sparse. The compiler never sees them, so neither does modsafe-check:
// the -D ones only restate what clang predefines for the target.
const std::set<std::string> &sparseFlags() {
  static const std::set<std::string> S = {
      "-Wbitwise",   "-Wno-return-void", "-Wno-unknown-attribute",
      "-D__linux__", "-Dlinux",          "-D__STDC__",
      "-Dunix",      "-D__unix__",       "-mlittle-endian",
      "-mbig-endian", "-D__x86_64__",    "-D__i386__",
      "-Wsparse-all", "-Wsparse-error"};
  return S;
}

bool isDepOption(llvm::StringRef A) {
  return A == "-M" || A == "-MM" || A == "-MD" || A == "-MMD" || A == "-MP" ||
         A == "-MG" || A == "-MV";
}

// The object a kbuild compile writes, from its dependency file
// (-Wp,-MMD,drivers/char/.mem.o.d -> drivers/char/mem.o).
std::string objectFromDepfile(llvm::StringRef Dep) {
  llvm::StringRef Name = llvm::sys::path::filename(Dep);
  if (!startsWith(Name, ".") || !compat::endsWith(Name, ".o.d"))
    return "";
  llvm::SmallString<128> R(llvm::sys::path::parent_path(Dep));
  llvm::sys::path::append(R, Name.substr(1, Name.size() - 3));
  return std::string(R.str());
}

} // namespace

CompilerArgs sanitizeCompilerArgs(const std::vector<std::string> &In,
                                  bool Kbuild) {
  CompilerArgs R;
  std::string Depfile;
  std::vector<std::string> Kept;
  for (size_t I = 0; I < In.size(); ++I) {
    llvm::StringRef A = In[I];
    auto hasNext = [&] { return I + 1 < In.size(); };
    if (A == "-c" || A == "-S" || A == "-E" || A == "-fsyntax-only" ||
        A == "-emit-llvm" || A == "-ftime-trace" || startsWith(A, "-save-temps") ||
        startsWith(A, "-ftime-trace=") || isDepOption(A))
      continue;
    if (A == "-o") {
      if (hasNext())
        R.Output = In[++I];
      continue;
    }
    if (startsWith(A, "-o") && A.size() > 2 && !startsWith(A, "-obj")) {
      R.Output = A.substr(2).str();
      continue;
    }
    if (A == "-MF" || A == "-MT" || A == "-MQ" || A == "-MJ" ||
        A == "--serialize-diagnostics") {
      if (A == "-MF" && hasNext())
        Depfile = In[I + 1];
      ++I;
      continue;
    }
    if (startsWith(A, "-MF") || startsWith(A, "-MT") || startsWith(A, "-MQ") ||
        startsWith(A, "-MJ")) {
      if (startsWith(A, "-MF"))
        Depfile = A.substr(3).str();
      continue;
    }
    if (startsWith(A, "-Wp,")) {
      llvm::SmallVector<llvm::StringRef, 4> Parts;
      A.substr(4).split(Parts, ',');
      if (!Parts.empty() && (Parts[0] == "-MD" || Parts[0] == "-MMD")) {
        if (Parts.size() > 1)
          Depfile = Parts[1].str();
        continue;
      }
    }
    if (startsWith(A, "-fplugin=") || startsWith(A, "-fplugin-arg-") ||
        startsWith(A, "-fpass-plugin="))
      continue;
    if (A == "-Xclang" && hasNext()) {
      llvm::StringRef B = In[I + 1];
      if (B == "-load" || B == "-plugin" || B == "-add-plugin" ||
          startsWith(B, "-plugin-arg-")) {
        I += 1;
        // The value travels in its own -Xclang pair.
        if (I + 2 < In.size() && In[I + 1] == "-Xclang")
          I += 2;
        continue;
      }
      if (startsWith(B, "-load=") || startsWith(B, "-add-plugin=") ||
          startsWith(B, "-plugin="))  {
        I += 1;
        continue;
      }
    }
    if (Kbuild && (sparseFlags().count(A.str()) || startsWith(A, "--arch=")))
      continue;
    Kept.push_back(A.str());
  }
  if (R.Output.empty() && !Depfile.empty())
    R.Output = objectFromDepfile(Depfile);

  // Arguments clang's driver would refuse.
  std::vector<const char *> Ptrs;
  for (const std::string &S : Kept)
    Ptrs.push_back(S.c_str());
  std::vector<unsigned> Unknown = driver_compat::unknownDriverArgs(Ptrs);
  std::set<unsigned> Drop(Unknown.begin(), Unknown.end());
  for (unsigned I = 0; I < Kept.size(); ++I) {
    if (Drop.count(I))
      R.Unknown.push_back(Kept[I]);
    else
      R.Args.push_back(Kept[I]);
  }
  Ptrs.clear();
  for (const std::string &S : R.Args)
    Ptrs.push_back(S.c_str());
  for (unsigned I : driver_compat::inputArgs(Ptrs))
    R.Inputs.push_back(R.Args[I]);
  return R;
}

std::vector<std::string>
syntaxOnlyCommand(const CompilerArgs &A, const std::string &Input,
                  const std::string &ResourceDir,
                  const std::vector<std::string> &ExtraBefore,
                  const std::vector<std::string> &ExtraAfter) {
  std::vector<std::string> Cmd = {A.Program.empty() ? "clang" : A.Program};
  Cmd.insert(Cmd.end(), ExtraBefore.begin(), ExtraBefore.end());
  std::set<std::string> Others(A.Inputs.begin(), A.Inputs.end());
  Others.erase(Input);
  bool HasResourceDir = false;
  for (const std::string &S : A.Args) {
    if (Others.count(S))
      continue;
    HasResourceDir |= S == "-resource-dir" || startsWith(S, "-resource-dir=");
    Cmd.push_back(S);
  }
  Cmd.push_back("-fsyntax-only");
  for (const std::string &S : ExtraAfter)
    HasResourceDir |= S == "-resource-dir" || startsWith(S, "-resource-dir=");
  Cmd.insert(Cmd.end(), ExtraAfter.begin(), ExtraAfter.end());
  if (!HasResourceDir && !ResourceDir.empty())
    Cmd.push_back("-resource-dir=" + ResourceDir);
  return Cmd;
}

std::vector<std::string> splitCommandLine(const std::string &S) {
  std::vector<std::string> R;
  std::string Cur;
  bool InWord = false;
  size_t I = 0, N = S.size();
  while (I < N) {
    char C = S[I];
    if (C == ' ' || C == '\t' || C == '\n' || C == '\r') {
      if (InWord)
        R.push_back(Cur);
      Cur.clear();
      InWord = false;
      ++I;
      continue;
    }
    InWord = true;
    if (C == '\\') {
      if (I + 1 < N)
        Cur += S[I + 1];
      I += 2;
    } else if (C == '\'') {
      size_t E = S.find('\'', I + 1);
      if (E == std::string::npos)
        E = N;
      Cur += S.substr(I + 1, E - I - 1);
      I = E + 1;
    } else if (C == '"') {
      ++I;
      while (I < N && S[I] != '"') {
        if (S[I] == '\\' && I + 1 < N &&
            (S[I + 1] == '"' || S[I + 1] == '\\' || S[I + 1] == '$' ||
             S[I + 1] == '`' || S[I + 1] == '\n')) {
          if (S[I + 1] != '\n')
            Cur += S[I + 1];
          I += 2;
          continue;
        }
        Cur += S[I++];
      }
      ++I; // closing quote
    } else {
      Cur += C;
      ++I;
    }
  }
  if (InWord)
    R.push_back(Cur);
  return R;
}

} // namespace modsafe::check

// Rendering a merged report: terminal text, SARIF 2.1.0, one HTML page.
#include "ModsafeReport.h"
#include "ReportInternal.h"

#include <algorithm>
#include <map>
#include <sstream>
#include <unistd.h>

using nlohmann::json;

namespace modsafe {
namespace report {

using namespace detail;

namespace {

std::string str(const json &J, const char *Key, const std::string &Def = "") {
  auto It = J.find(Key);
  return It != J.end() && It->is_string() ? It->get<std::string>() : Def;
}
long long num(const json &J, const char *Key, long long Def = 0) {
  auto It = J.find(Key);
  return It != J.end() && It->is_number_integer() ? It->get<long long>() : Def;
}
const json &arr(const json &J, const char *Key) {
  static const json Empty = json::array();
  auto It = J.find(Key);
  return It != J.end() && It->is_array() ? *It : Empty;
}

std::string loc(const json &L) {
  return str(L, "file") + ":" + std::to_string(num(L, "line")) + ":" +
         std::to_string(num(L, "column"));
}

const CheckInfo *findCheck(const std::string &Id) {
  for (const CheckInfo &C : checkCatalogue())
    if (C.Id == Id)
      return &C;
  return nullptr;
}

std::string plural(size_t N, const char *One, const char *Many) {
  return std::to_string(N) + " " + (N == 1 ? One : Many);
}

/// The modules a finding is listed under: its first module is its home.
std::string homeModule(const json &F) {
  const json &M = arr(F, "modules");
  return M.empty() ? std::string() : M[0].get<std::string>();
}

struct Counts {
  std::map<std::string, size_t> ByCheck, ByModule;
  std::set<std::string> Files, Modules;
  size_t Warnings = 0, Errors = 0;
};

Counts count(const json &Merged) {
  Counts C;
  for (const json &F : arr(Merged, "findings")) {
    ++C.ByCheck[str(F, "check")];
    for (const json &M : arr(F, "modules"))
      ++C.ByModule[M.get<std::string>()];
    C.Files.insert(str(F, "file"));
    (str(F, "severity") == "error" ? C.Errors : C.Warnings)++;
  }
  for (const json &T : arr(Merged, "translation_units"))
    C.Modules.insert(str(T, "module_name"));
  return C;
}

std::string pad(const std::string &S, size_t W) {
  return S.size() >= W ? S + " " : S + std::string(W - S.size(), ' ');
}

} // namespace

//===----------------------------------------------------------------------===//
// Text
//===----------------------------------------------------------------------===//

std::string toJsonText(const json &Merged) { return dumpJson(Merged, 2) + "\n"; }

std::string toText(const json &Merged, bool Color) {
  auto Paint = [&](const char *Code, const std::string &S) {
    return Color ? std::string("\033[") + Code + "m" + S + "\033[0m" : S;
  };
  std::ostringstream OS;
  const json &Findings = arr(Merged, "findings");
  Counts C = count(Merged);
  size_t TUs = arr(Merged, "translation_units").size();
  std::string Scope = plural(TUs, "translation unit", "translation units") + ", " +
                      plural(C.Modules.size(), "module", "modules");
  bool HasBaseline = Merged.contains("baseline") && Merged["baseline"].is_object();
  const char *What = HasBaseline ? "new finding" : "finding";
  const char *Whats = HasBaseline ? "new findings" : "findings";

  if (Findings.empty())
    OS << "modsafe: no " << Whats << " (" << Scope << ")\n";
  else
    OS << "modsafe: " << plural(Findings.size(), What, Whats) << " in "
       << plural(C.Files.size(), "file", "files") << " (" << Scope << ")\n";
  if (HasBaseline) {
    const json &B = Merged["baseline"];
    OS << "baseline " << str(B, "file") << ": " << num(B, "in_baseline")
       << " findings; " << num(B, "unchanged") << " still present (not shown), "
       << num(B, "fixed") << " fixed, " << num(B, "new") << " new\n";
  }
  if (!Findings.empty()) {
    OS << "\nby check:\n";
    for (auto &KV : C.ByCheck) {
      const CheckInfo *I = findCheck(KV.first);
      OS << "  " << pad(KV.first, 24) << pad(std::to_string(KV.second), 5)
         << (I ? I->Rule : std::string()) << "\n";
    }
    OS << "by module:\n";
    for (auto &KV : C.ByModule)
      OS << "  " << pad(displayModule(KV.first), 24) << KV.second << "\n";
    OS << "\n";
  }
  for (const json &F : Findings) {
    bool Err = str(F, "severity") == "error";
    OS << Paint("1", loc(F) + ":") << " "
       << Paint(Err ? "1;31" : "1;35", Err ? "error:" : "warning:") << " "
       << Paint("1", str(F, "message") + " [modsafe-" + str(F, "check") + "]") << "\n";
    for (const json &N : arr(F, "notes"))
      OS << Paint("1", loc(N) + ":") << " " << Paint("1;30", "note:") << " "
         << str(N, "message") << "\n";
    const json &T = arr(F, "translation_units");
    const json &M = arr(F, "modules");
    if (T.size() > 1 || M.size() > 1) {
      OS << "  (reported by " << plural(T.size(), "translation unit", "translation units");
      if (M.size() > 1) {
        OS << " of modules ";
        for (size_t I = 0; I < M.size(); ++I)
          OS << (I ? ", " : "") << displayModule(M[I].get<std::string>());
      }
      OS << ")\n";
    }
  }
  if (!Findings.empty())
    OS << "\n" << plural(Findings.size(), What, Whats) << " ("
       << plural(C.Warnings, "warning", "warnings") << ", "
       << plural(C.Errors, "error", "errors") << ")\n";
  return OS.str();
}

//===----------------------------------------------------------------------===//
// SARIF
//===----------------------------------------------------------------------===//

namespace {

std::string uriEncode(const std::string &Path) {
  static const char *Hex = "0123456789ABCDEF";
  std::string R;
  for (unsigned char C : Path) {
    if (isalnum(C) || C == '-' || C == '.' || C == '_' || C == '~' || C == '/')
      R += char(C);
    else {
      R += '%';
      R += Hex[C >> 4];
      R += Hex[C & 15];
    }
  }
  return R;
}

/// The "## Title" section of a docs page, without its heading.
std::string mdSection(const std::string &Md, const std::string &Title) {
  std::string H = "## " + Title + "\n";
  size_t B = Md.find(H);
  if (B == std::string::npos)
    return "";
  B += H.size();
  size_t E = Md.find("\n## ", B);
  return Md.substr(B, E == std::string::npos ? std::string::npos : E + 1 - B);
}

/// The first paragraph of Md, lines joined.
std::string firstParagraph(const std::string &Md) {
  std::istringstream IS(Md);
  std::string Line, R;
  while (std::getline(IS, Line)) {
    if (Line.find_first_not_of(" \t") == std::string::npos) {
      if (!R.empty())
        break;
      continue;
    }
    R += (R.empty() ? "" : " ") + Line.substr(Line.find_first_not_of(" \t"));
  }
  return R;
}

std::string stripMarkdown(const std::string &S) {
  std::string R;
  for (size_t I = 0; I < S.size(); ++I) {
    if (S[I] == '`' || (S[I] == '*' && I + 1 < S.size() && S[I + 1] == '*'))
      continue;
    if (S[I] == '*' && I > 0 && S[I - 1] == '*')
      continue;
    R += S[I];
  }
  return R;
}

/// Relative links of a docs/checks page made absolute against DocsUrl.
std::string absolutizeLinks(const std::string &Md, const std::string &DocsUrl) {
  if (DocsUrl.empty())
    return Md;
  std::string R;
  size_t I = 0;
  while (true) {
    size_t L = Md.find("](", I);
    if (L == std::string::npos) {
      R += Md.substr(I);
      return R;
    }
    R += Md.substr(I, L + 2 - I);
    size_t T = L + 2;
    size_t E = Md.find(')', T);
    std::string Target = Md.substr(T, E == std::string::npos ? 0 : E - T);
    bool Relative = !Target.empty() && Target.find("://") == std::string::npos &&
                    Target[0] != '#' && Target[0] != '/' &&
                    Target.rfind("mailto:", 0) != 0;
    if (Relative) {
      std::string Full = normalizePath("checks/" + Target);
      if (Full.rfind("../", 0) == 0) // above docs/: leave as written
        Full = Target;
      else
        Full = DocsUrl + Full;
      R += Full;
      I = E;
    } else {
      I = T;
    }
  }
}

std::string escapeForDescription(const std::string &S) {
  std::string R;
  for (char C : S) {
    if (C == '\n')
      R += "\\n";
    else if (C == '\t')
      R += "\\t";
    else
      R += C;
  }
  return R;
}

} // namespace

json toSarif(const json &Merged, const SarifOptions &Opts) {
  std::string MergedRoot = str(Merged, "src_root", "/");
  std::string Root = Opts.SrcRoot.empty()
                         ? MergedRoot
                         : normalizePath(joinPath(MergedRoot, Opts.SrcRoot));
  std::string BaseId = Opts.BaseId.empty() ? "SRCROOT" : Opts.BaseId;
  std::string DocsUrl = Opts.DocsUrl;
  if (!DocsUrl.empty() && DocsUrl.back() != '/')
    DocsUrl += '/';

  auto Artifact = [&](const std::string &File) {
    std::string Abs = normalizePath(joinPath(MergedRoot, File));
    std::string Rel;
    if (Root == "/")
      Rel = Abs.substr(1);
    else if (Abs.size() > Root.size() && Abs.compare(0, Root.size(), Root) == 0 &&
             Abs[Root.size()] == '/')
      Rel = Abs.substr(Root.size() + 1);
    if (Rel.empty())
      return json{{"uri", "file://" + uriEncode(Abs)}};
    return json{{"uri", uriEncode(Rel)}, {"uriBaseId", BaseId}};
  };
  auto Physical = [&](const json &L) {
    return json{{"artifactLocation", Artifact(str(L, "file"))},
                {"region",
                 {{"startLine", num(L, "line", 1)}, {"startColumn", num(L, "column", 1)}}}};
  };

  // Rules: the whole catalogue (stable indices), then unknown ids found.
  json Rules = json::array();
  std::map<std::string, size_t> RuleIndex;
  for (const CheckInfo &C : checkCatalogue()) {
    json R;
    R["id"] = C.Id;
    R["name"] = C.Name;
    R["shortDescription"] = {{"text", C.Summary}};
    std::string Finds = firstParagraph(mdSection(C.Markdown, "What it finds"));
    if (Finds.empty())
      Finds = C.Summary;
    R["fullDescription"] = {{"text", stripMarkdown(Finds)}, {"markdown", Finds}};
    std::string Help = C.Markdown.empty()
                           ? C.Summary + " (" + C.Rule + ")"
                           : C.Markdown;
    R["help"] = {{"text", Help}, {"markdown", absolutizeLinks(Help, DocsUrl)}};
    if (!DocsUrl.empty())
      R["helpUri"] = DocsUrl + "checks/" + C.Id + ".md";
    R["defaultConfiguration"] = {{"level", C.Severity}};
    json Tags = json::array({C.Rule, "modsafe"});
    if (!C.Implemented)
      Tags.push_back("planned");
    R["properties"] = {{"tags", Tags}, {"rule", C.Rule}, {"fixit", C.HasFixit}};
    RuleIndex[C.Id] = Rules.size();
    Rules.push_back(std::move(R));
  }
  std::set<std::string> Unknown;
  for (const json &F : arr(Merged, "findings"))
    if (!RuleIndex.count(str(F, "check")))
      Unknown.insert(str(F, "check"));
  for (const std::string &Id : Unknown) {
    RuleIndex[Id] = Rules.size();
    Rules.push_back({{"id", Id},
                     {"shortDescription", {{"text", "modsafe check " + Id}}},
                     {"defaultConfiguration", {{"level", "warning"}}}});
  }

  json Results = json::array();
  for (const json &F : arr(Merged, "findings")) {
    json R;
    R["ruleId"] = str(F, "check");
    R["ruleIndex"] = RuleIndex[str(F, "check")];
    R["level"] = str(F, "severity") == "error" ? "error" : "warning";
    R["message"] = {{"text", str(F, "message")}};
    R["locations"] = json::array({{{"physicalLocation", Physical(F)}}});
    json Related = json::array();
    int Id = 1;
    for (const json &N : arr(F, "notes"))
      Related.push_back({{"id", Id++},
                         {"physicalLocation", Physical(N)},
                         {"message", {{"text", str(N, "message")}}}});
    if (!Related.empty())
      R["relatedLocations"] = std::move(Related);
    R["partialFingerprints"] = {{FingerprintKey, str(F, "fingerprint")}};
    const json &Fixits = arr(F, "fixits");
    if (!Fixits.empty()) {
      json Changes = json::array();
      std::map<std::string, size_t> ByFile;
      std::string Desc;
      for (const json &X : Fixits) {
        std::string File = str(X, "file");
        if (!ByFile.count(File)) {
          ByFile[File] = Changes.size();
          Changes.push_back({{"artifactLocation", Artifact(File)},
                             {"replacements", json::array()}});
        }
        std::string Repl = str(X, "replacement");
        long long Len = num(X, "length");
        Changes[ByFile[File]]["replacements"].push_back(
            {{"deletedRegion",
              {{"startLine", num(X, "line", 1)},
               {"startColumn", num(X, "column", 1)},
               {"endLine", num(X, "end_line", 1)},
               {"endColumn", num(X, "end_column", 1)},
               {"byteOffset", num(X, "offset")},
               {"byteLength", Len}}},
             {"insertedContent", {{"text", Repl}}}});
        std::string One = Len == 0    ? "insert '" + escapeForDescription(Repl) + "'"
                          : Repl.empty() ? std::string("delete ") + std::to_string(Len) + " bytes"
                                         : "replace with '" + escapeForDescription(Repl) + "'";
        Desc += (Desc.empty() ? "" : "; ") + One + " at " + loc(X);
      }
      R["fixes"] = json::array(
          {{{"description", {{"text", "modsafe fix-it: " + Desc}}},
            {"artifactChanges", std::move(Changes)}}});
    }
    if (F.contains("baseline_state"))
      R["baselineState"] = str(F, "baseline_state");
    R["properties"] = {{"rule", str(F, "rule")},
                       {"modules", arr(F, "modules")},
                       {"translationUnits", arr(F, "translation_units")}};
    Results.push_back(std::move(R));
  }

  std::string Version = Merged.contains("tool") && Merged["tool"].is_object()
                            ? str(Merged["tool"], "version", "0.0.0")
                            : "0.0.0";
  json Driver = {{"name", "modsafe"},
                 {"version", Version},
                 {"semanticVersion", Version},
                 {"rules", std::move(Rules)}};
  if (!DocsUrl.empty())
    Driver["informationUri"] = DocsUrl;

  std::string RootUri = "file://" + uriEncode(Root);
  if (RootUri.back() != '/')
    RootUri += '/';
  json Run;
  Run["tool"] = {{"driver", std::move(Driver)}};
  Run["originalUriBaseIds"] = {{BaseId, {{"uri", RootUri}}}};
  Run["results"] = std::move(Results);
  Run["invocations"] = json::array({{{"executionSuccessful", true}}});
  json Props = {{"translationUnits", arr(Merged, "translation_units").size()}};
  if (Merged.contains("baseline"))
    Props["baseline"] = Merged["baseline"];
  Run["properties"] = std::move(Props);

  return {{"$schema", "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/"
                      "schemas/sarif-schema-2.1.0.json"},
          {"version", "2.1.0"},
          {"runs", json::array({std::move(Run)})}};
}

//===----------------------------------------------------------------------===//
// HTML
//===----------------------------------------------------------------------===//

namespace {

std::string esc(const std::string &S) {
  std::string R;
  R.reserve(S.size());
  for (char C : S) {
    switch (C) {
    case '&': R += "&amp;"; break;
    case '<': R += "&lt;"; break;
    case '>': R += "&gt;"; break;
    case '"': R += "&quot;"; break;
    case '\'': R += "&#39;"; break;
    default: R += C;
    }
  }
  return R;
}

/// An id attribute value: letters, digits, '-', anything else hex-escaped.
std::string idOf(const std::string &S) {
  static const char *Hex = "0123456789abcdef";
  std::string R;
  for (unsigned char C : S) {
    if (isalnum(C) || C == '-')
      R += char(C);
    else {
      R += '_';
      R += Hex[C >> 4];
      R += Hex[C & 15];
    }
  }
  return R;
}

size_t utf8Len(const std::string &S, size_t I) {
  unsigned char C = S[I];
  size_t N = C < 0x80 ? 1 : (C >> 5) == 6 ? 2 : (C >> 4) == 14 ? 3 : (C >> 3) == 30 ? 4 : 1;
  return std::min(N, S.size() - I);
}

const char *Css = R"css(
:root{--fg:#1f2328;--muted:#59636e;--border:#d1d9e0;--warn:#9a6700;--err:#d1242f;--hl:#fff8c5;--bg2:#f6f8fa}
body{font:14px/1.5 -apple-system,"Segoe UI",Helvetica,Arial,sans-serif;color:var(--fg);margin:0 auto;max-width:1100px;padding:1em 2em}
h1{margin:.2em 0}h2{border-bottom:1px solid var(--border);padding-bottom:.2em;margin-top:1.6em}
h3{margin:1.2em 0 .3em}h4{margin:0;font-weight:600}
code,pre{font:12px/1.45 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
table{border-collapse:collapse;margin:.5em 2em .5em 0;display:inline-table;vertical-align:top}
th,td{border:1px solid var(--border);padding:.2em .7em;text-align:left}td.n{text-align:right}
.count{display:inline-block;min-width:1.5em;padding:0 .5em;border-radius:1em;background:var(--bg2);border:1px solid var(--border);font-size:12px;text-align:center}
.summary{color:var(--muted)}
.finding{border:1px solid var(--border);border-radius:6px;margin:.8em 0;padding:.6em .9em}
.sev{font-weight:700;text-transform:uppercase;font-size:11px}.sev.warning{color:var(--warn)}.sev.error{color:var(--err)}
.message{margin:.3em 0}
pre.excerpt{background:var(--bg2);border-radius:4px;padding:.4em 0;overflow-x:auto;tab-size:8;-moz-tab-size:8}
pre.excerpt .line{display:block;padding:0 .8em}
pre.excerpt .line.hl{background:var(--hl)}
pre.excerpt .ln{display:inline-block;min-width:3.5em;color:var(--muted);user-select:none;-webkit-user-select:none}
pre.excerpt .col{outline:2px solid var(--warn);outline-offset:-1px;border-radius:2px}
.notes{margin:.3em 0;padding-left:1.6em}.notes pre{margin:.1em 0;background:var(--bg2);padding:.1em .5em;overflow-x:auto;tab-size:8;-moz-tab-size:8}
.fixit pre{background:#dafbe1;padding:.3em .6em;overflow-x:auto}
.meta,.nosource{color:var(--muted);font-size:12px;margin:.3em 0}
nav a{margin-right:.8em}
)css";

} // namespace

std::string toHtml(const json &Merged) { return toHtml(Merged, HtmlOptions()); }

std::string toHtml(const json &Merged, const HtmlOptions &Opts) {
  SourceCache Sources;
  const json &Findings = arr(Merged, "findings");
  Counts C = count(Merged);
  size_t TUs = arr(Merged, "translation_units").size();
  bool HasBaseline = Merged.contains("baseline") && Merged["baseline"].is_object();

  // module -> check -> findings (each finding once, under its first module)
  std::map<std::string, std::map<std::string, std::vector<const json *>>> Groups;
  for (const json &F : Findings)
    Groups[homeModule(F)][str(F, "check")].push_back(&F);

  std::ostringstream H;
  H << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
    << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
    << "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
       "style-src 'unsafe-inline'\">\n"
    << "<meta name=\"generator\" content=\"modsafe-report "
    << esc(Merged.contains("tool") ? str(Merged["tool"], "version") : "") << "\">\n"
    << "<title>" << esc(Opts.Title) << "</title>\n<style>" << Css << "</style>\n</head>\n<body>\n";

  H << "<header>\n<h1>" << esc(Opts.Title) << "</h1>\n<p class=\"summary\" id=\"summary\">"
    << "<strong id=\"total-findings\">" << Findings.size() << "</strong> "
    << (HasBaseline ? (Findings.size() == 1 ? "new finding" : "new findings")
                    : (Findings.size() == 1 ? "finding" : "findings"))
    << " in <span id=\"file-count\">" << C.Files.size() << "</span> "
    << (C.Files.size() == 1 ? "file" : "files") << " &middot; <span id=\"tu-count\">" << TUs
    << "</span> translation " << (TUs == 1 ? "unit" : "units") << " &middot; <span id=\"module-count\">"
    << C.Modules.size() << "</span> " << (C.Modules.size() == 1 ? "module" : "modules")
    << " &middot; source root <code>" << esc(str(Merged, "src_root")) << "</code></p>\n";
  if (HasBaseline) {
    const json &B = Merged["baseline"];
    H << "<p class=\"summary\" id=\"baseline\">Compared with baseline <code>"
      << esc(str(B, "file")) << "</code>: <span id=\"baseline-new\">" << num(B, "new")
      << "</span> new, <span id=\"baseline-unchanged\">" << num(B, "unchanged")
      << "</span> unchanged (not shown), <span id=\"baseline-fixed\">" << num(B, "fixed")
      << "</span> fixed.</p>\n";
  }
  if (!Findings.empty()) {
    H << "<table id=\"check-counts\"><thead><tr><th>check</th><th>rule</th><th>findings</th>"
         "</tr></thead><tbody>\n";
    for (auto &KV : C.ByCheck) {
      const CheckInfo *I = findCheck(KV.first);
      H << "<tr><td><code>" << esc(KV.first) << "</code></td><td>"
        << esc(I ? I->Rule : std::string()) << "</td><td class=\"n\">" << KV.second
        << "</td></tr>\n";
    }
    H << "</tbody></table>\n<table id=\"module-counts\"><thead><tr><th>module</th>"
         "<th>findings</th></tr></thead><tbody>\n";
    for (auto &KV : C.ByModule)
      H << "<tr><td><a href=\"#m-" << idOf(KV.first) << "\">" << esc(displayModule(KV.first))
        << "</a></td><td class=\"n\">" << KV.second << "</td></tr>\n";
    H << "</tbody></table>\n";
  } else {
    H << "<p id=\"no-findings\">No " << (HasBaseline ? "new " : "") << "findings.</p>\n";
  }
  H << "</header>\n<main>\n";

  unsigned N = 0;
  for (auto &MKV : Groups) {
    size_t InModule = 0;
    for (auto &CKV : MKV.second)
      InModule += CKV.second.size();
    H << "<section class=\"module\" id=\"m-" << idOf(MKV.first) << "\">\n<h2>module <code>"
      << esc(displayModule(MKV.first)) << "</code> <span class=\"count\">" << InModule
      << "</span></h2>\n";
    for (auto &CKV : MKV.second) {
      const CheckInfo *I = findCheck(CKV.first);
      H << "<section class=\"check\" id=\"m-" << idOf(MKV.first) << "-c-" << idOf(CKV.first)
        << "\">\n<h3><code>" << esc(CKV.first) << "</code>"
        << (I ? " &middot; " + esc(I->Rule) : std::string()) << " <span class=\"count\">"
        << CKV.second.size() << "</span></h3>\n";
      if (I)
        H << "<p class=\"summary\">" << esc(I->Summary) << "</p>\n";
      for (const json *FP : CKV.second) {
        const json &F = *FP;
        ++N;
        std::string Sev = str(F, "severity") == "error" ? "error" : "warning";
        H << "<article class=\"finding\" id=\"f-" << N << "\" data-check=\""
          << esc(str(F, "check")) << "\" data-fingerprint=\"" << esc(str(F, "fingerprint"))
          << "\">\n<h4><span class=\"sev " << Sev << "\">" << Sev << "</span> <code class=\"loc\">"
          << esc(loc(F)) << "</code></h4>\n<p class=\"message\">" << esc(str(F, "message"))
          << " <code>[modsafe-" << esc(str(F, "check")) << "]</code></p>\n";

        std::string Abs = absoluteIn(Merged, str(F, "file"));
        const std::vector<std::string> *L = Sources.lines(Abs);
        long long Line = num(F, "line", 1), Col = num(F, "column", 1);
        if (L && Line >= 1 && (size_t)Line <= L->size()) {
          long long From = std::max(1LL, Line - (long long)Opts.ContextLines);
          long long To = std::min((long long)L->size(), Line + (long long)Opts.ContextLines);
          H << "<pre class=\"excerpt\"><code>";
          for (long long K = From; K <= To; ++K) {
            const std::string &T = (*L)[K - 1];
            H << "<span class=\"line" << (K == Line ? " hl" : "") << "\"><span class=\"ln\">"
              << K << "</span>";
            if (K == Line && Col >= 1 && (size_t)Col <= T.size()) {
              size_t B = Col - 1, Len = utf8Len(T, B);
              H << esc(T.substr(0, B)) << "<span class=\"col\">" << esc(T.substr(B, Len))
                << "</span>" << esc(T.substr(B + Len));
            } else {
              H << esc(T);
            }
            H << "</span>";
          }
          H << "</code></pre>\n";
        } else {
          H << "<p class=\"nosource\">source not available: <code>" << esc(Abs)
            << "</code></p>\n";
        }

        const json &Notes = arr(F, "notes");
        if (!Notes.empty()) {
          H << "<ol class=\"notes\">\n";
          for (const json &Nt : Notes) {
            H << "<li><code class=\"loc\">" << esc(loc(Nt)) << "</code> <span class=\"note-msg\">"
              << esc(str(Nt, "message")) << "</span>";
            const std::vector<std::string> *NL = Sources.lines(absoluteIn(Merged, str(Nt, "file")));
            long long NLine = num(Nt, "line", 1);
            if (NL && NLine >= 1 && (size_t)NLine <= NL->size())
              H << "<pre><code>" << esc((*NL)[NLine - 1]) << "</code></pre>";
            H << "</li>\n";
          }
          H << "</ol>\n";
        }
        const json &Fixits = arr(F, "fixits");
        for (const json &X : Fixits) {
          long long Len = num(X, "length");
          H << "<div class=\"fixit\"><p class=\"meta\">fix-it at <code>" << esc(loc(X))
            << "</code>: " << (Len == 0 ? "insert" : str(X, "replacement").empty() ? "delete" : "replace with")
            << "</p>";
          if (!str(X, "replacement").empty())
            H << "<pre><code>" << esc(str(X, "replacement")) << "</code></pre>";
          H << "</div>\n";
        }
        const json &T = arr(F, "translation_units");
        const json &M = arr(F, "modules");
        H << "<p class=\"meta\">Reported by " << plural(T.size(), "translation unit", "translation units")
          << ":";
        for (size_t K = 0; K < T.size(); ++K)
          H << (K ? ", " : " ") << "<code>" << esc(T[K].get<std::string>()) << "</code>";
        if (M.size() > 1) {
          H << "; also module" << (M.size() > 2 ? "s" : "");
          for (size_t K = 1; K < M.size(); ++K)
            H << (K > 1 ? ", " : " ") << "<code>" << esc(displayModule(M[K].get<std::string>()))
              << "</code>";
        }
        H << ".</p>\n</article>\n";
      }
      H << "</section>\n";
    }
    H << "</section>\n";
  }
  H << "</main>\n</body>\n</html>\n";
  return H.str();
}

} // namespace report
} // namespace modsafe

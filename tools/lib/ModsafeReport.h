// The report library: reading, merging and rendering modsafe reports. Shared
// by modsafe-check (--format=json|sarif|text) and modsafe-report. Depends on
// nlohmann/json only, never on clang's AST (docs/report.md, docs/report-format.md).
#pragma once

#include <nlohmann/json.hpp>

#include <set>
#include <string>
#include <vector>

namespace modsafe {
namespace report {

/// Reads a per-TU report (docs/report-format.md, format "modsafe-report"
/// version 1) or a merged report written by merge(). On failure returns false
/// with Error naming the file and the problem (unreadable, not JSON with the
/// line/column of the syntax error, wrong format or version, missing fields).
/// Error is a whole diagnostic line: "PATH:LINE:COL: error: PROBLEM".
bool readReportFile(const std::string &Path, nlohmann::json &Out,
                    std::string &Error);

/// Merges per-TU reports (and already merged reports) into one merged report,
/// deduplicating findings that several TUs report in a shared header.
/// Paths become relative to the common working directory of the inputs.
nlohmann::json merge(const std::vector<nlohmann::json> &Reports);

struct MergeOptions {
  /// Absolute directory that paths are made relative to; empty: the common
  /// working directory of the per-TU reports (and src_root of merged ones).
  std::string SrcRoot;
  /// Read each finding's source line for its fingerprint (when readable).
  bool ReadSources = true;
};
nlohmann::json merge(const std::vector<nlohmann::json> &Reports,
                     const MergeOptions &Opts);

struct SarifOptions {
  /// Paths under SrcRoot become URIs relative to it, with uriBaseId BaseId.
  /// Empty: the merged report's src_root.
  std::string SrcRoot;
  std::string BaseId = "SRCROOT";
  /// Absolute URL of modsafe's docs/ directory (ending in '/'): rules get
  /// helpUri DocsUrl + "checks/<id>.md", the driver informationUri DocsUrl.
  /// Empty: no URIs (the help text is embedded anyway).
  std::string DocsUrl;
};
/// SARIF 2.1.0 for a merged report.
nlohmann::json toSarif(const nlohmann::json &Merged, const SarifOptions &Opts);

/// A readable terminal summary of a merged report.
std::string toText(const nlohmann::json &Merged, bool Color);

struct HtmlOptions {
  std::string Title = "modsafe report";
  /// Source lines shown before and after each finding's line.
  unsigned ContextLines = 3;
};
/// One self-contained HTML page (inline CSS, no external resource), grouped
/// by module and check, with a source excerpt for each finding read from
/// src_root at render time.
std::string toHtml(const nlohmann::json &Merged, const HtmlOptions &Opts);
std::string toHtml(const nlohmann::json &Merged);

/// The merged report as text (the --format=json output).
std::string toJsonText(const nlohmann::json &Merged);

/// Fingerprints of a baseline: a merged report (findings[].fingerprint) or a
/// SARIF log written by toSarif (partialFingerprints "modsafeFingerprint/v1").
/// Error as for readReportFile.
bool readBaselineFile(const std::string &Path, std::set<std::string> &Out,
                      std::string &Error);

/// Keeps only the findings whose fingerprint is not in Baseline (marked
/// "baseline_state": "new") and records the comparison under "baseline":
/// {"file", "new", "unchanged", "fixed", "in_baseline"}.
nlohmann::json applyBaseline(const nlohmann::json &Merged,
                             const std::set<std::string> &Baseline,
                             const std::string &BaselineName);

/// The partialFingerprints key in SARIF results.
extern const char *const FingerprintKey;

/// The hash of a source line with its whitespace normalized ("" for "").
std::string lineHash(const std::string &LineText);
/// The fingerprint of one finding: stable when lines move, see docs/report.md.
/// LineHash is lineHash() of the finding's source line ("" when the source is
/// unreadable); Occurrence counts earlier findings (in file order) with the
/// same other inputs.
std::string fingerprint(const std::string &Check, const std::string &File,
                        const std::string &LineHash, const std::string &Message,
                        unsigned Occurrence);
/// The message with location numbers ("line 12", "foo.c:12:3") blanked.
std::string normalizeMessage(const std::string &Message);

/// The check catalogue (plugin/Checks.inc) with each check's docs page.
struct CheckInfo {
  std::string Id, Name, Rule, Severity, Summary, Markdown;
  bool Implemented = false, HasFixit = false;
};
const std::vector<CheckInfo> &checkCatalogue();

/// Lexical path helpers (no symlink resolution).
std::string normalizePath(const std::string &Path);
std::string joinPath(const std::string &Dir, const std::string &Path);

} // namespace report
} // namespace modsafe

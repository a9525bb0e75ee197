// Unit tests of the report library (tools/lib): fingerprints, paths, merging
// in memory, SARIF and HTML details that the lit suite does not reach.
#include "ModsafeReport.h"
#include "Sha256.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>

using namespace modsafe::report;
using nlohmann::json;

namespace {

json finding(const std::string &File, int Line, int Col, const std::string &Msg,
             const std::string &Check = "missing-owner") {
  return {{"check", Check}, {"rule", "Rule #1"},    {"severity", "warning"},
          {"file", File},   {"line", Line},         {"column", Col},
          {"message", Msg}, {"notes", json::array()}, {"fixits", json::array()}};
}

json tu(const std::string &Main, const std::string &Wd, const std::string &Module,
        json Findings) {
  return {{"format", "modsafe-report"},
          {"version", 1},
          {"tool", {{"name", "modsafe"}, {"version", "0.1.0"}, {"clang", "clang 14"}}},
          {"main_file", Main},
          {"working_directory", Wd},
          {"module", true},
          {"module_name", Module},
          {"findings", std::move(Findings)}};
}

MergeOptions noSources(const std::string &Root = "") {
  MergeOptions O;
  O.ReadSources = false;
  O.SrcRoot = Root;
  return O;
}

} // namespace

TEST(ReportLib, Sha256KnownVectors) {
  EXPECT_EQ(sha256Hex(""),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(sha256Hex("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  EXPECT_EQ(sha256Hex(std::string(1000, 'a')).substr(0, 16), "41edece42d63e8d9");
}

TEST(ReportLib, NormalizeMessageBlanksLocationNumbersOnly) {
  EXPECT_EQ(normalizeMessage("registered at foo.c:12:3 here"), "registered at foo.c:#:# here");
  EXPECT_EQ(normalizeMessage("see line 42 and lines 7"), "see line # and lines #");
  EXPECT_EQ(normalizeMessage("parameter 2 of 'f'"), "parameter 2 of 'f'");
  EXPECT_EQ(normalizeMessage("timer_list"), "timer_list");
}

TEST(ReportLib, LineHashIgnoresWhitespaceOnly) {
  EXPECT_EQ(lineHash("static int x = 1;"), lineHash("\tstatic  int x =\t1;  "));
  EXPECT_NE(lineHash("static int x = 1;"), lineHash("static int x = 2;"));
  EXPECT_EQ(lineHash("   "), "");
}

TEST(ReportLib, FingerprintInputs) {
  std::string H = lineHash("static struct file_operations f = {");
  std::string A = fingerprint("missing-owner", "a.c", H, "msg at a.c:3:1", 0);
  EXPECT_EQ(A, fingerprint("missing-owner", "a.c", H, "msg at a.c:9:1", 0));
  EXPECT_NE(A, fingerprint("missing-owner", "b.c", H, "msg at a.c:3:1", 0));
  EXPECT_NE(A, fingerprint("ref-leak", "a.c", H, "msg at a.c:3:1", 0));
  EXPECT_NE(A, fingerprint("missing-owner", "a.c", H, "msg at a.c:3:1", 1));
  EXPECT_EQ(A.substr(A.size() - 2), ":0");
}

TEST(ReportLib, Paths) {
  EXPECT_EQ(normalizePath("/a/./b/../c//d/"), "/a/c/d");
  EXPECT_EQ(normalizePath("../x/./y"), "../x/y");
  EXPECT_EQ(normalizePath("/.."), "/");
  EXPECT_EQ(joinPath("/w", "d/f.c"), "/w/d/f.c");
  EXPECT_EQ(joinPath("/w", "/abs/f.c"), "/abs/f.c");
}

TEST(ReportLib, MergeDedupsHeaderFindingsAcrossTUs) {
  // The same header finding from two TUs of two modules, once with a path
  // relative to the working directory and once absolute.
  json A = tu("drivers/a/a.c", "/src", "moda",
              json::array({finding("include/h.h", 5, 3, "m"), finding("drivers/a/a.c", 9, 1, "n")}));
  json B = tu("/src/drivers/b/b.c", "/elsewhere", "modb",
              json::array({finding("/src/include/h.h", 5, 3, "m")}));
  json M = merge({A, B}, noSources());
  EXPECT_EQ(M["format"], "modsafe-merged-report");
  EXPECT_EQ(M["src_root"], "/"); // common directory of /src and /elsewhere
  M = merge({A, B}, noSources("/src"));
  ASSERT_EQ(M["findings"].size(), 2u);
  const json &H = M["findings"][1];
  EXPECT_EQ(H["file"], "include/h.h");
  EXPECT_EQ(H["modules"], json::array({"moda", "modb"}));
  EXPECT_EQ(H["translation_units"], json::array({"drivers/a/a.c", "drivers/b/b.c"}));
  EXPECT_EQ(M["translation_units"].size(), 2u);
  // Order-independent.
  EXPECT_EQ(merge({B, A}, noSources("/src")), M);
  // Merging the merged report again changes nothing.
  EXPECT_EQ(merge({M}, noSources()), M);
}

TEST(ReportLib, OccurrenceIndexSeparatesIdenticalFindings) {
  // Two findings with the same check, file, (unknown) line text and message.
  json A = tu("a.c", "/w", "m",
              json::array({finding("a.c", 10, 1, "same"), finding("a.c", 20, 1, "same")}));
  json M = merge({A}, noSources());
  std::string F0 = M["findings"][0]["fingerprint"], F1 = M["findings"][1]["fingerprint"];
  EXPECT_NE(F0, F1);
  EXPECT_EQ(F0.substr(F0.size() - 2), ":0");
  EXPECT_EQ(F1.substr(F1.size() - 2), ":1");
}

TEST(ReportLib, FingerprintFollowsSourceLineNotLineNumber) {
  std::string Dir = ::testing::TempDir();
  std::string Path = Dir + "/modsafe-fp-test.c";
  {
    std::ofstream(Path) << "int a;\nstatic struct file_operations f = {\n";
  }
  json R1 = merge({tu(Path, Dir, "m", json::array({finding(Path, 2, 31, "x")}))},
                  MergeOptions());
  {
    std::ofstream(Path) << "\n\n\nint a;\nstatic struct file_operations f = {\n";
  }
  json R2 = merge({tu(Path, Dir, "m", json::array({finding(Path, 5, 31, "x")}))},
                  MergeOptions());
  std::remove(Path.c_str());
  EXPECT_NE(R1["findings"][0]["line_hash"], "");
  EXPECT_EQ(R1["findings"][0]["fingerprint"], R2["findings"][0]["fingerprint"]);
  std::set<std::string> Base = {R1["findings"][0]["fingerprint"].get<std::string>()};
  json D = applyBaseline(R2, Base, "old.json");
  EXPECT_EQ(D["findings"].size(), 0u);
  EXPECT_EQ(D["baseline"]["unchanged"], 1);
}

TEST(ReportLib, BaselineCountsNewAndFixed) {
  json M = merge({tu("a.c", "/w", "m",
                     json::array({finding("a.c", 1, 1, "one"), finding("a.c", 2, 1, "two")}))},
                 noSources());
  std::set<std::string> Base = {M["findings"][0]["fingerprint"].get<std::string>(), "gone:0"};
  json D = applyBaseline(M, Base, "b");
  ASSERT_EQ(D["findings"].size(), 1u);
  EXPECT_EQ(D["findings"][0]["message"], "two");
  EXPECT_EQ(D["findings"][0]["baseline_state"], "new");
  EXPECT_EQ(D["baseline"]["new"], 1);
  EXPECT_EQ(D["baseline"]["fixed"], 1);
  EXPECT_EQ(D["baseline"]["in_baseline"], 2);
}

TEST(ReportLib, SarifRulesAndUris) {
  json A = tu("d/a b.c", "/w", "m",
              json::array({finding("d/a b.c", 3, 2, "x"), finding("/other/x.c", 1, 1, "y", "no-such-check")}));
  json S = toSarif(merge({A}, noSources("/w")), SarifOptions());
  const json &Run = S["runs"][0];
  EXPECT_EQ(S["version"], "2.1.0");
  EXPECT_EQ(Run["originalUriBaseIds"]["SRCROOT"]["uri"], "file:///w/");
  const json &Rules = Run["tool"]["driver"]["rules"];
  EXPECT_EQ(Rules[0]["id"], "missing-owner");
  EXPECT_EQ(Rules[0]["name"], "MissingOwner");
  EXPECT_FALSE(Rules[0].contains("helpUri"));
  EXPECT_EQ(Rules.back()["id"], "no-such-check"); // unknown ids get a rule too
  // Inside the root: relative and percent-encoded; outside: an absolute URI.
  ASSERT_EQ(Run["results"].size(), 2u);
  for (const json &R : Run["results"]) {
    const json &Art = R["locations"][0]["physicalLocation"]["artifactLocation"];
    EXPECT_EQ(Rules[R["ruleIndex"].get<size_t>()]["id"], R["ruleId"]);
    if (R["ruleId"] == "missing-owner") {
      EXPECT_EQ(Art["uri"], "d/a%20b.c");
      EXPECT_EQ(Art["uriBaseId"], "SRCROOT");
    } else {
      EXPECT_EQ(Art["uri"], "file:///other/x.c");
      EXPECT_FALSE(Art.contains("uriBaseId"));
    }
  }
}

TEST(ReportLib, CatalogueHasEveryCheckWithItsPage) {
  const auto &C = checkCatalogue();
  ASSERT_GE(C.size(), 13u);
  for (const CheckInfo &I : C) {
    EXPECT_FALSE(I.Summary.empty()) << I.Id;
    if (I.Implemented) {
      EXPECT_EQ(I.Markdown.rfind("# " + I.Id, 0), 0u) << I.Id << ": no docs/checks page";
    }
  }
}

TEST(ReportLib, HtmlEscapesEverything) {
  json A = tu("a.c", "/nonexistent-dir", "<m>",
              json::array({finding("a.c", 1, 1, "<script>x</script> & \"q\"")}));
  std::string H = toHtml(merge({A}, noSources()));
  EXPECT_EQ(H.find("<script>x"), std::string::npos);
  EXPECT_NE(H.find("&lt;script&gt;x&lt;/script&gt; &amp; &quot;q&quot;"), std::string::npos);
  EXPECT_NE(H.find("&lt;m&gt;"), std::string::npos);
  EXPECT_NE(H.find("source not available"), std::string::npos);
}

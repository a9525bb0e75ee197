#include "Options.h"

#include <gtest/gtest.h>

using namespace modsafe;

TEST(Options, Glob) {
  EXPECT_TRUE(globMatch("*", "missing-owner"));
  EXPECT_TRUE(globMatch("missing-*", "missing-owner"));
  EXPECT_TRUE(globMatch("*-owner", "missing-owner"));
  EXPECT_FALSE(globMatch("missing-", "missing-owner"));
  EXPECT_TRUE(globMatch("m*o*r", "missing-owner"));
}

TEST(Options, CheckFilterOrder) {
  CheckFilter F;
  std::string E;
  ASSERT_TRUE(F.parse("-*,missing-owner", E)) << E;
  EXPECT_TRUE(F.enabled("missing-owner"));
  EXPECT_FALSE(F.enabled("ref-leak"));
  CheckFilter G;
  ASSERT_TRUE(G.parse("-missing-*, modsafe-missing-teardown", E));
  EXPECT_FALSE(G.enabled("missing-owner"));
  EXPECT_TRUE(G.enabled("missing-teardown"));
  EXPECT_TRUE(G.enabled("ref-leak"));
}

TEST(Options, UnknownCheckRefused) {
  CheckFilter F;
  std::string E;
  EXPECT_FALSE(F.parse("-*,missing-ownr", E));
  EXPECT_NE(E.find("unknown check 'missing-ownr'"), std::string::npos);
}

TEST(Options, Args) {
  Options O;
  std::string E;
  EXPECT_TRUE(O.parseArg("report-dir=/tmp/x", E));
  EXPECT_EQ(O.ReportDir, "/tmp/x");
  EXPECT_TRUE(O.parseArg("rules=a.json", E));
  EXPECT_TRUE(O.parseArg("rules=b.json", E));
  EXPECT_EQ(O.RuleFiles.size(), 2u);
  EXPECT_FALSE(O.parseArg("report-dir", E));
  EXPECT_FALSE(O.parseArg("werror=1", E));
  EXPECT_FALSE(O.parseArg("bogus", E));
  EXPECT_NE(E.find("unknown option 'bogus'"), std::string::npos);
  EXPECT_FALSE(O.parseArg("header-filter=(", E));
}

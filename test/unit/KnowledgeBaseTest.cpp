#include "KnowledgeBase.h"

#include <gtest/gtest.h>

using modsafe::KnowledgeBase;
using modsafe::OwnerPolicy;

TEST(KnowledgeBase, BuiltinRulesLoad) {
  KnowledgeBase KB;
  std::string Err;
  ASSERT_TRUE(KB.loadBuiltin(Err)) << Err;
  const auto *F = KB.ownerType("file_operations");
  ASSERT_NE(F, nullptr);
  EXPECT_EQ(F->FieldPath, std::vector<std::string>{"owner"});
  const auto *S = KB.ownerType("usb_serial_driver");
  ASSERT_NE(S, nullptr);
  EXPECT_EQ(S->FieldPath, (std::vector<std::string>{"driver", "owner"}));
  ASSERT_NE(KB.registration("__platform_driver_register"), nullptr);
  EXPECT_EQ(KB.registration("__platform_driver_register")->Owner, OwnerPolicy::Fills);
  EXPECT_EQ(KB.registration("misc_register")->Owner, OwnerPolicy::Caller);
  EXPECT_EQ(KB.canonical("timer_delete_sync"), "del_timer_sync");
  EXPECT_EQ(KB.callPins("cdev_init", 1).size(), 1u);
}

static std::string loadError(const std::string &Text) {
  KnowledgeBase KB;
  std::string Err;
  EXPECT_FALSE(KB.loadText("my.json", Text, Err));
  return Err;
}

TEST(KnowledgeBase, SyntaxErrorHasPosition) {
  std::string E = loadError("{\n  \"modsafe-rules\": 1,\n  \"owner_types\": [,]\n}\n");
  EXPECT_EQ(E.rfind("my.json:3:", 0), 0u) << E;
}

TEST(KnowledgeBase, UnknownKeyHasPosition) {
  std::string E = loadError(
      "{\n  \"modsafe-rules\": 1,\n  \"registrations\": [\n"
      "    {\"function\": \"f\", \"owner\": \"fills\",\n"
      "     \"ownr_arg\": 1}\n  ]\n}\n");
  EXPECT_EQ(E.rfind("my.json:5:6: unknown key 'ownr_arg'", 0), 0u) << E;
}

TEST(KnowledgeBase, WrongTypesAndMissingKeys) {
  EXPECT_NE(loadError("{\"modsafe-rules\": 1, \"owner_types\": [{\"field\": \"x\"}]}")
                .find("lacks required key 'struct'"),
            std::string::npos);
  EXPECT_NE(loadError("{\"modsafe-rules\": 1, \"registrations\": [{\"function\": \"f\", \"owner\": \"maybe\"}]}")
                .find("'owner' must be one of: fills, caller, none"),
            std::string::npos);
  EXPECT_NE(loadError("{\"modsafe-rules\": 1, \"registrations\": [{\"function\": \"f\", \"macro\": \"g\", \"owner\": \"none\"}]}")
                .find("exactly one of 'function' or 'macro'"),
            std::string::npos);
  EXPECT_NE(loadError("{\"modsafe-rules\": 1, \"pins\": [{\"function\": \"f\", \"arg\": -1, \"pinned_by\": \"owner_of_base\"}]}")
                .find("argument index"),
            std::string::npos);
  EXPECT_NE(loadError("{\"owner_types\": []}").find("modsafe-rules"), std::string::npos);
  EXPECT_NE(loadError("{\"modsafe-rules\": 2}").find("unsupported format version"),
            std::string::npos);
  EXPECT_NE(loadError("{\"modsafe-rules\": 1, \"ownertypes\": []}").find("unknown section 'ownertypes'"),
            std::string::npos);
  EXPECT_NE(loadError("[]").find("must be a JSON object"), std::string::npos);
}

TEST(KnowledgeBase, RefusedFileChangesNothing) {
  KnowledgeBase KB;
  std::string Err;
  EXPECT_FALSE(KB.loadText("a.json",
                           "{\"modsafe-rules\": 1, \"owner_types\": [{\"struct\": \"x\"}, {\"bad\": 1}]}",
                           Err));
  EXPECT_EQ(KB.ownerType("x"), nullptr);
}

TEST(KnowledgeBase, UserFileOverridesBuiltin) {
  KnowledgeBase KB;
  std::string Err;
  ASSERT_TRUE(KB.loadBuiltin(Err));
  ASSERT_TRUE(KB.loadText("u.json",
                          "{\"modsafe-rules\": 1, \"registrations\": [{\"function\": \"misc_register\", \"owner\": \"fills\"}]}",
                          Err))
      << Err;
  EXPECT_EQ(KB.registration("misc_register")->Owner, OwnerPolicy::Fills);
}

TEST(KnowledgeBase, MissingFile) {
  KnowledgeBase KB;
  std::string Err;
  EXPECT_FALSE(KB.loadFile("/nonexistent/rules.json", Err));
  EXPECT_EQ(Err.rfind("/nonexistent/rules.json: cannot read", 0), 0u) << Err;
}

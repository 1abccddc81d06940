#include "common/rulebook.h"

#include <gtest/gtest.h>

#include <string>

namespace muamala {
namespace {

const char* kMinimal = R"({"versions":[{"id":"v1","title":{"en":"One","ar":"واحد"},"effective_from":"2020-01-01",
  "sources":[{"id":"s","cite":"a source"}],
  "transactions":{"transfer_residency_passport":{
    "fee_fils":{"value":0,"source":"s","confirmed":false},
    "passport_min_months_left":{"value":6,"source":"s","confirmed":true},
    "fines_block":{"value":0,"source":"s","confirmed":true}}}}]})";

std::string replaced(std::string text, const std::string& from, const std::string& to) {
    const size_t at = text.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    return text.replace(at, from.size(), to);
}

TEST(Rulebook, EmbeddedRulebookIsWholeAndCoversEveryTransaction) {
    const RulebookLoad load = load_embedded_rulebook();
    for (const std::string& problem : load.problems) ADD_FAILURE() << problem;
    ASSERT_GE(load.rulebook.versions.size(), 2u);
    for (const RulebookVersion& version : load.rulebook.versions)
        for (TransactionKind kind : kAllTransactionKinds)
            EXPECT_TRUE(version.rules_for(kind).offered) << version.id << " " << name_of(kind);
}

TEST(Rulebook, TheRequestDatePicksTheVersion) {
    const Rulebook rulebook = load_embedded_rulebook().rulebook;
    EXPECT_EQ(rulebook.version_on({2019, 11, 30}), nullptr);
    EXPECT_EQ(rulebook.version_on({2019, 12, 1})->id, "kw-2019-12");
    EXPECT_EQ(rulebook.version_on({2025, 12, 22})->id, "kw-2019-12");
    EXPECT_EQ(rulebook.version_on({2025, 12, 23})->id, "kw-2025-12");
    EXPECT_EQ(rulebook.version_on({2030, 1, 1})->id, "kw-2025-12");
}

TEST(Rulebook, EveryFigureCitesASourceAndSaysIfConfirmed) {
    const Rulebook rulebook = load_embedded_rulebook().rulebook;
    const RulebookVersion& latest = rulebook.versions.back();
    const TransactionRules& husband = latest.rules_for(TransactionKind::renew_husband_residency);
    EXPECT_EQ(husband.fee_per_year_fils.value, 15000);
    EXPECT_EQ(husband.fee_per_year_fils.source, "gulfnews-2025-12");
    EXPECT_FALSE(husband.fee_per_year_fils.confirmed) << "a press report, not a published text";
}

TEST(Rulebook, AMinimalRulebookLoads) {
    const RulebookLoad load = load_rulebook(kMinimal);
    EXPECT_TRUE(load.problems.empty()) << load.problems.front();
    EXPECT_TRUE(load.rulebook.versions[0].rules_for(TransactionKind::transfer_residency_passport).offered);
    EXPECT_FALSE(load.rulebook.versions[0].rules_for(TransactionKind::renew_child_licence).offered);
}

TEST(Rulebook, RejectsAFigureWithAnUnknownSource) {
    const auto load = load_rulebook(replaced(kMinimal, R"("value":6,"source":"s")", R"("value":6,"source":"rumour")"));
    ASSERT_EQ(load.problems.size(), 1u);
    EXPECT_NE(load.problems[0].find("unknown source \"rumour\""), std::string::npos) << load.problems[0];
}

TEST(Rulebook, RejectsAnUnknownFigureName) {
    const auto load = load_rulebook(replaced(kMinimal, "\"fee_fils\"", "\"fee_fills\""));
    ASSERT_FALSE(load.problems.empty());
    EXPECT_NE(load.problems[0].find("fee_fills: unknown figure"), std::string::npos) << load.problems[0];
}

TEST(Rulebook, RejectsAMissingRequiredFigure) {
    const auto load = load_rulebook(replaced(kMinimal, R"("fines_block":{"value":0,"source":"s","confirmed":true})",
                                             R"("fee_fils":{"value":0,"source":"s","confirmed":false})"));
    ASSERT_FALSE(load.problems.empty());
    EXPECT_NE(load.problems.back().find("misses figure fines_block"), std::string::npos) << load.problems.back();
}

TEST(Rulebook, RejectsNegativeFiguresBadDatesAndUnknownTransactions) {
    EXPECT_FALSE(load_rulebook(replaced(kMinimal, "\"value\":6", "\"value\":-6")).problems.empty());
    EXPECT_FALSE(load_rulebook(replaced(kMinimal, "2020-01-01", "2020-02-30")).problems.empty());
    EXPECT_FALSE(load_rulebook(replaced(kMinimal, "transfer_residency_passport", "renew_wife")).problems.empty());
    EXPECT_FALSE(load_rulebook("not json").problems.empty());
    EXPECT_FALSE(load_rulebook(R"({"versions":[]})").problems.empty());
}

}  // namespace
}  // namespace muamala

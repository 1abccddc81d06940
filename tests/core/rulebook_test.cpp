#include "common/rulebook.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

namespace muamala {
namespace {

const char* kMinimal = R"({"versions":[{"id":"v1","title":{"en":"One","ar":"واحد"},"effective_from":"2020-01-01",
  "instrument_source":"s","sources":[{"id":"s","cite":"a source","url":"https://example.org/one"}],
  "transactions":{"transfer_residency_passport":{
    "fee_fils":{"value":0,"source":"s","confirmed":false},
    "passport_min_months_left":{"value":6,"source":"s","confirmed":true},
    "fines_block":{"value":0,"source":"s","confirmed":true}}}}]})";

// kMinimal and a second version that changes one figure, drops one, and adds a source.
const char* kTwoVersions = R"({"versions":[{"id":"v1","title":{"en":"One","ar":"واحد"},"effective_from":"2020-01-01",
  "instrument_source":"s","sources":[{"id":"s","cite":"a source","url":"https://example.org/one"}],
  "transactions":{"transfer_residency_passport":{
    "fee_fils":{"value":0,"source":"s","confirmed":false},
    "passport_min_months_left":{"value":6,"source":"s","confirmed":true},
    "passport_update_grace_months":{"value":2,"source":"s","confirmed":true},
    "fines_block":{"value":0,"source":"s","confirmed":true}}}},
  {"id":"v2","title":{"en":"Two","ar":"اثنان"},"effective_from":"2021-06-01",
  "instrument_source":"t","sources":[{"id":"t","cite":"another source","url":"https://example.org/two"}],
  "transactions":{"transfer_residency_passport":{
    "fee_fils":{"value":5000,"source":"t","confirmed":true},
    "passport_update_grace_months":null}}}]})";

std::string replaced(std::string text, const std::string& from, const std::string& to) {
    const size_t at = text.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    return text.replace(at, from.size(), to);
}

TEST(Rulebook, EmbeddedRulebookIsWholeAndCoversEveryTransaction) {
    const RulebookLoad load = load_embedded_rulebook();
    for (const std::string& problem : load.problems) ADD_FAILURE() << problem;
    ASSERT_GE(load.rulebook.versions.size(), 4u);
    for (const RulebookVersion& version : load.rulebook.versions)
        for (TransactionKind kind : kAllTransactionKinds)
            EXPECT_TRUE(version.rules_for(kind).offered) << version.id << " " << name_of(kind);
}

// The days the law changed: Decree-Law 114/2024 (KUNA: in force Sunday 5 January 2025), Decision
// 425/2025 (first reported 23 March 2025), Resolution 2249/2025 (23 December 2025).
TEST(Rulebook, TheRequestDatePicksTheVersionInForceThatDay) {
    const Rulebook rulebook = load_embedded_rulebook().rulebook;
    EXPECT_EQ(rulebook.version_on({2019, 11, 30}), nullptr);
    EXPECT_EQ(rulebook.version_on({2019, 12, 1})->id, "kw-2019-12");
    EXPECT_EQ(rulebook.version_on({2025, 1, 4})->id, "kw-2019-12");
    EXPECT_EQ(rulebook.version_on({2025, 1, 5})->id, "kw-2025-01");
    EXPECT_EQ(rulebook.version_on({2025, 3, 22})->id, "kw-2025-01");
    EXPECT_EQ(rulebook.version_on({2025, 3, 23})->id, "kw-2025-03");
    EXPECT_EQ(rulebook.version_on({2025, 12, 22})->id, "kw-2025-03");
    EXPECT_EQ(rulebook.version_on({2025, 12, 23})->id, "kw-2025-12");
    EXPECT_EQ(rulebook.version_on({2030, 1, 1})->id, "kw-2025-12");
}

TEST(Rulebook, EveryVersionNamesItsInstrumentWithASourceAddress) {
    for (const RulebookVersion& version : load_embedded_rulebook().rulebook.versions) {
        const auto source = std::find_if(version.sources.begin(), version.sources.end(),
                                         [&](const Source& s) { return s.id == version.instrument_source; });
        ASSERT_NE(source, version.sources.end()) << version.id;
        EXPECT_TRUE(source->url.starts_with("http")) << version.id;
        EXPECT_FALSE(version.title.en.empty() || version.title.ar.empty()) << version.id;
    }
}

TEST(Rulebook, EveryFigureCitesASourceAndSaysIfConfirmed) {
    const Rulebook rulebook = load_embedded_rulebook().rulebook;
    const RulebookVersion& latest = rulebook.versions.back();
    const TransactionRules& husband = latest.rules_for(TransactionKind::renew_husband_residency);
    EXPECT_EQ(husband.fee_per_year_fils.value, 15000);
    EXPECT_EQ(husband.fee_per_year_fils.source, "husband-fee-2025");
    EXPECT_FALSE(husband.fee_per_year_fils.confirmed) << "contested between two reports";
    // Inherited from Decree-Law 114/2024, citing its source there.
    EXPECT_EQ(husband.late_fine_cap_fils.value, 1200000);
    EXPECT_EQ(husband.late_fine_cap_fils.source, "overstay-2025");
}

TEST(Rulebook, AVersionStartsFromTheOneBeforeIt) {
    const RulebookLoad load = load_rulebook(kTwoVersions);
    for (const std::string& problem : load.problems) ADD_FAILURE() << problem;
    ASSERT_EQ(load.rulebook.versions.size(), 2u);
    const TransactionRules& before = load.rulebook.versions[0].rules_for(TransactionKind::transfer_residency_passport);
    const TransactionRules& after = load.rulebook.versions[1].rules_for(TransactionKind::transfer_residency_passport);
    EXPECT_EQ(before.fee_fils.value, 0);
    EXPECT_EQ(after.fee_fils.value, 5000) << "set by the second version";
    EXPECT_EQ(after.fee_fils.source, "t");
    EXPECT_EQ(after.passport_min_months_left.value, 6) << "inherited";
    EXPECT_EQ(after.passport_min_months_left.source, "s");
    EXPECT_TRUE(before.passport_update_grace_months.present);
    EXPECT_FALSE(after.passport_update_grace_months.present) << "dropped with null";
    EXPECT_EQ(load.rulebook.versions[1].sources.size(), 2u) << "its own source and the inherited one";
}

TEST(Rulebook, RejectsVersionsOutOfDateOrder) {
    const auto load = load_rulebook(replaced(kTwoVersions, "2021-06-01", "2019-06-01"));
    ASSERT_FALSE(load.problems.empty());
    EXPECT_NE(load.problems[0].find("versions[1](v2).effective_from: must come after v1"), std::string::npos)
        << load.problems[0];
}

TEST(Rulebook, RejectsASourceDeclaredTwice) {
    const auto load = load_rulebook(replaced(kTwoVersions, R"({"id":"t","cite")", R"({"id":"s","cite")"));
    ASSERT_FALSE(load.problems.empty());
    EXPECT_NE(load.problems[0].find("sources.s: is already declared"), std::string::npos) << load.problems[0];
}

TEST(Rulebook, RejectsAnInstrumentWithoutASourceAddress) {
    const auto no_url = load_rulebook(replaced(kMinimal, R"(,"url":"https://example.org/one")", ""));
    ASSERT_FALSE(no_url.problems.empty());
    EXPECT_NE(no_url.problems[0].find("instrument_source: must name a source of this version with a url"),
              std::string::npos) << no_url.problems[0];
    EXPECT_FALSE(load_rulebook(replaced(kMinimal, "https://example.org/one", "example.org/one")).problems.empty());
    EXPECT_FALSE(load_rulebook(replaced(kMinimal, R"("instrument_source":"s",)", "")).problems.empty());
}

TEST(Rulebook, ANewbornNeedsExactlyOneRegistrationWindow) {
    const std::string newborn = replaced(kMinimal, R"("transactions":{)", R"("transactions":{"issue_newborn_residency":{
    "residency_kind":"child_of_kuwaiti",
    "max_years":{"value":5,"source":"s","confirmed":true},"fee_per_year_fils":{"value":0,"source":"s","confirmed":true},
    "late_fine_per_day_fils":{"value":2000,"source":"s","confirmed":true},"late_fine_cap_fils":{"value":600000,"source":"s","confirmed":true},
    "passport_min_months_left":{"value":6,"source":"s","confirmed":true},"fines_block":{"value":0,"source":"s","confirmed":true},
    "needs_health_insurance":{"value":0,"source":"s","confirmed":true}WINDOW},)");
    const std::string days = R"(,"registration_window_days":{"value":60,"source":"s","confirmed":true})";
    const std::string months = R"(,"registration_window_months":{"value":4,"source":"s","confirmed":true})";
    EXPECT_TRUE(load_rulebook(replaced(newborn, "WINDOW", days)).problems.empty());
    EXPECT_TRUE(load_rulebook(replaced(newborn, "WINDOW", months)).problems.empty());
    const auto neither = load_rulebook(replaced(newborn, "WINDOW", ""));
    ASSERT_EQ(neither.problems.size(), 1u);
    EXPECT_NE(neither.problems[0].find("needs one of registration_window_months and registration_window_days"),
              std::string::npos) << neither.problems[0];
    EXPECT_FALSE(load_rulebook(replaced(newborn, "WINDOW", days + months)).problems.empty());
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

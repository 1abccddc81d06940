// The two languages' helpers (client/text/i18n.h): how each writes dates, money, durations and
// shares, and the left-to-right isolates that keep codes and dates whole inside Arabic.
#include <gtest/gtest.h>

#include "client/text/i18n.h"

namespace muamala::client {
namespace {

const std::string kIsolate = "\u2066", kPop = "\u2069";

TEST(Fill, PutsEachValueInItsPlaceInOrder) {
    EXPECT_EQ(fill("{} of {}", {"1", "3"}), "1 of 3");
    EXPECT_EQ(fill("{} and {}", {"only"}), "only and {}") << "a placeholder without a value stays";
    EXPECT_EQ(fill("no places", {"x"}), "no places");
}

TEST(LeftToRight, IsolatesValuesAndOnlyWholeIsoDates) {
    EXPECT_EQ(ltr("A-123"), kIsolate + "A-123" + kPop);
    EXPECT_EQ(for_display("حتى 2026-12-12 فقط"), "حتى " + kIsolate + "2026-12-12" + kPop + " فقط");
    EXPECT_EQ(for_display("12026-12-12"), "12026-12-12") << "inside a longer run of digits it is not a date";
    EXPECT_EQ(for_display("2026-12-1"), "2026-12-1");
}

TEST(Dates, InWordsInEachLanguage) {
    EXPECT_EQ(format_date({2029, 9, 2}, Language::English), "2 September 2029");
    EXPECT_EQ(format_date({2029, 9, 2}, Language::Arabic), "2 سبتمبر 2029");
    EXPECT_EQ(format_month("2025-01", Language::English), "January 2025");
    EXPECT_EQ(format_month("2025-01", Language::Arabic), "يناير 2025");
    EXPECT_EQ(format_month("2025-13", Language::English), "2025-13") << "not a month: as given";
}

TEST(Timestamps, InKuwaitTimeAcrossMidnight) {
    EXPECT_EQ(format_timestamp("2026-12-26T11:05:00.000Z", Language::English), "26 December 2026, 14:05");
    EXPECT_EQ(format_timestamp("2026-12-31T22:30:00Z", Language::English), "1 January 2027, 01:30");
    EXPECT_EQ(format_timestamp("2026-12-31T22:30:00Z", Language::Arabic), "1 يناير 2027، 01:30");
    EXPECT_EQ(format_timestamp("yesterday", Language::English), "yesterday");
}

TEST(Money, ThreeDecimalsAsKuwaitPrintsFils) {
    EXPECT_EQ(format_money(45000, Language::English), "KD 45.000");
    EXPECT_EQ(format_money(45000, Language::Arabic), "45.000 د.ك");
    EXPECT_EQ(format_money(5, Language::English), "KD 0.005");
}

TEST(Durations, CountInEachLanguagesGrammar) {
    EXPECT_EQ(format_days_left(1, Language::English), "1 day left");
    EXPECT_EQ(format_days_left(30, Language::English), "30 days left");
    EXPECT_EQ(format_days_left(2, Language::Arabic), "باقي يومان");
    EXPECT_EQ(format_days_left(5, Language::Arabic), "باقي 5 أيام");
    EXPECT_EQ(format_days_left(30, Language::Arabic), "باقي 30 يومًا");
    EXPECT_EQ(format_years(1, Language::Arabic), "سنة واحدة");
    EXPECT_EQ(format_years(3, Language::Arabic), "3 سنوات");
    EXPECT_EQ(format_years(11, Language::Arabic), "11 سنة");
    EXPECT_EQ(format_years(10, Language::English), "10 years");
}

TEST(Shares, OneDecimalWithHalvesRoundedUp) {
    EXPECT_EQ(format_share(0.425), "42.5%");
    EXPECT_EQ(format_share(0.8125), "81.3%");
    EXPECT_EQ(round_to_tenths(81.25), 81.3);
    EXPECT_EQ(format_share(0.0), "0.0%");
}

TEST(Phrases, PickTheLanguageAsked) {
    const Phrase phrase{"Continue", "متابعة"};
    EXPECT_EQ(pick(phrase, Language::Arabic), "متابعة");
    EXPECT_EQ(pick(to_text(phrase), Language::English), "Continue");
    EXPECT_EQ(other_language(Language::Arabic), Language::English);
    EXPECT_EQ(language_code(Language::Arabic), "ar");
}

}  // namespace
}  // namespace muamala::client

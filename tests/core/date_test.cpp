#include "common/date.h"

#include <gtest/gtest.h>

namespace muamala {
namespace {

TEST(Date, KnowsLeapYears) {
    EXPECT_TRUE(is_real_date(2024, 2, 29));
    EXPECT_FALSE(is_real_date(2025, 2, 29));
    EXPECT_TRUE(is_real_date(2000, 2, 29));
    EXPECT_FALSE(is_real_date(1900, 2, 29));
    EXPECT_FALSE(is_real_date(2025, 4, 31));
    EXPECT_FALSE(is_real_date(2025, 0, 1));
}

TEST(Date, ParsesOnlyStrictIsoDates) {
    EXPECT_EQ(parse_iso_date("2025-12-23"), (Date{2025, 12, 23}));
    EXPECT_EQ(parse_iso_date("2025-02-29"), std::nullopt);
    EXPECT_EQ(parse_iso_date("2025-1-05"), std::nullopt);
    EXPECT_EQ(parse_iso_date("2025-01-05T00:00"), std::nullopt);
    EXPECT_EQ(to_iso({2025, 1, 5}), "2025-01-05");
}

TEST(Date, DayNumbersRoundTripAcrossCenturies) {
    EXPECT_EQ(day_number({1970, 1, 1}), 0);
    EXPECT_EQ(day_number({2000, 3, 1}) - day_number({2000, 2, 28}), 2);
    for (int64_t n = -800000; n <= 800000; n += 997) EXPECT_EQ(day_number(date_from_day_number(n)), n);
    EXPECT_EQ(days_between({2025, 12, 23}, {2026, 12, 23}), 365);
}

TEST(Date, MonthAndYearArithmeticClampsToMonthEnd) {
    EXPECT_EQ(add_years({2024, 2, 29}, 1), (Date{2025, 2, 28}));
    EXPECT_EQ(add_years({2024, 2, 29}, 4), (Date{2028, 2, 29}));
    EXPECT_EQ(add_months({2025, 1, 31}, 1), (Date{2025, 2, 28}));
    EXPECT_EQ(add_months({2025, 12, 15}, 2), (Date{2026, 2, 15}));
    EXPECT_EQ(add_months({2025, 3, 31}, -1), (Date{2025, 2, 28}));
}

TEST(Date, AgeTurnsOnTheBirthdayItself) {
    EXPECT_EQ(age_on({2008, 5, 10}, {2026, 5, 9}), 17);
    EXPECT_EQ(age_on({2008, 5, 10}, {2026, 5, 10}), 18);
    EXPECT_EQ(age_on({2008, 2, 29}, {2026, 2, 28}), 18);  // leapling: 28 Feb in a common year
    EXPECT_EQ(age_on({2008, 2, 29}, {2026, 2, 27}), 17);
}

}  // namespace
}  // namespace muamala

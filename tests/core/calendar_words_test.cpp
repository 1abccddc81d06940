#include "common/calendar_words.h"

#include <gtest/gtest.h>

namespace muamala {
namespace {

TEST(CalendarWords, WritesADateAsEveryScreenDoes) {
    EXPECT_EQ(date_in_words({2029, 9, 2}), (Text{"2 September 2029", "2 سبتمبر 2029"}));
    EXPECT_EQ(date_in_words({2026, 1, 31}).ar, "31 يناير 2026");
    EXPECT_EQ(month_in_words(2025, 1), (Text{"January 2025", "يناير 2025"}));
}

TEST(CalendarWords, KnowsTheWeekdayOfADate) {
    EXPECT_EQ(weekday_of({1970, 1, 1}), 4);   // a Thursday
    EXPECT_EQ(weekday_of({2029, 9, 2}), 0);   // a Sunday
    EXPECT_EQ(weekday_of({1969, 12, 31}), 3);  // before day 0: still in 0..6
    EXPECT_EQ(weekday_name(weekday_of({2026, 11, 27})), (Text{"Friday", "الجمعة"}));
    EXPECT_EQ(weekday_name(6).ar, "السبت");
}

TEST(CalendarWords, ANameOutOfRangeIsClampedNotReadPastTheTable) {
    EXPECT_EQ(month_name(13).en, "December");
    EXPECT_EQ(month_name(0).en, "January");
    EXPECT_EQ(weekday_name(-1).en, "Sunday");
}

}  // namespace
}  // namespace muamala

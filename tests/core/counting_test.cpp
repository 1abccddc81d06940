#include "common/counting.h"

#include <gtest/gtest.h>

namespace muamala {
namespace {

std::string arabic_days(int64_t n) { return count_of(n, CountedNoun::day).ar; }

TEST(Counting, OneAndTwoHaveWordsOfTheirOwn) {
    EXPECT_EQ(arabic_days(1), "يوم واحد");
    EXPECT_EQ(arabic_days(2), "يومان");
    EXPECT_EQ(count_of(1, CountedNoun::year).ar, "سنة واحدة");
    EXPECT_EQ(count_of(2, CountedNoun::month).ar, "شهران");
}

TEST(Counting, ThreeToTenTakeThePlural) {
    EXPECT_EQ(arabic_days(3), "3 أيام");
    EXPECT_EQ(arabic_days(10), "10 أيام");
    EXPECT_EQ(count_of(6, CountedNoun::month).ar, "6 أشهر");
    EXPECT_EQ(count_of(5, CountedNoun::year).ar, "5 سنوات");
}

TEST(Counting, ElevenToNinetyNineTakeTheSingularAccusative) {
    EXPECT_EQ(arabic_days(11), "11 يومًا");
    EXPECT_EQ(arabic_days(90), "90 يومًا");
    EXPECT_EQ(arabic_days(99), "99 يومًا");
    EXPECT_EQ(count_of(12, CountedNoun::month).ar, "12 شهرًا");
    EXPECT_EQ(count_of(11, CountedNoun::year).ar, "11 سنة");
}

TEST(Counting, HundredsAndThousandsTakeTheSingularGenitive) {
    EXPECT_EQ(arabic_days(100), "100 يوم");
    EXPECT_EQ(arabic_days(400), "400 يوم");
    EXPECT_EQ(arabic_days(1000), "1000 يوم");
    EXPECT_EQ(arabic_days(2000), "2000 يوم");
}

TEST(Counting, CompoundNumbersFollowTheirLastTwoDigits) {
    EXPECT_EQ(arabic_days(103), "103 أيام");
    EXPECT_EQ(arabic_days(110), "110 أيام");
    EXPECT_EQ(arabic_days(111), "111 يومًا");
    EXPECT_EQ(arabic_days(180), "180 يومًا");
    EXPECT_EQ(arabic_days(102), "102 يوم");
    EXPECT_EQ(arabic_days(1015), "1015 يومًا");
}

TEST(Counting, EnglishSaysOneOrMany) {
    EXPECT_EQ(count_of(1, CountedNoun::day).en, "1 day");
    EXPECT_EQ(count_of(2, CountedNoun::day).en, "2 days");
    EXPECT_EQ(count_of(1, CountedNoun::year).en, "1 year");
    EXPECT_EQ(count_of(12, CountedNoun::month).en, "12 months");
}

}  // namespace
}  // namespace muamala

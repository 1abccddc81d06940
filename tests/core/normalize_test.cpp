#include "common/normalize.h"

#include <gtest/gtest.h>

namespace muamala {
namespace {

TEST(Normalize, MapsBothArabicDigitScripts) {
    EXPECT_EQ(normalize_number_input("٠١٢٣٤٥٦٧٨٩").text, "0123456789");
    EXPECT_EQ(normalize_number_input("۰۱۲۳۴۵۶۷۸۹").text, "0123456789");
}

TEST(Normalize, DropsSeparatorsAndBidiMarksButKeepsOtherCharacters) {
    EXPECT_EQ(normalize_number_input("12 34-56\u00A078\u2013" "9\u200F").text, "123456789");
    EXPECT_EQ(normalize_number_input("12a٣").text, "12a3");
    EXPECT_EQ(normalize_number_input("+965").text, "+965");
}

TEST(Normalize, RejectsMalformedUtf8) {
    EXPECT_FALSE(normalize_number_input("\xff").valid_utf8);
    EXPECT_FALSE(normalize_number_input("\xc0\xaf").valid_utf8);          // overlong '/'
    EXPECT_FALSE(normalize_number_input("\xed\xa0\x80").valid_utf8);      // UTF-16 surrogate
    EXPECT_FALSE(normalize_number_input("\xd9").valid_utf8);              // truncated sequence
    EXPECT_TRUE(normalize_number_input("\xf0\x9f\x98\x80").valid_utf8);   // emoji: well-formed
}

}  // namespace
}  // namespace muamala

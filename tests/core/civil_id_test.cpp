#include "common/civil_id.h"

#include <gtest/gtest.h>

namespace muamala {
namespace {

std::string first_code(const Validation& v) { return v.errors.empty() ? "" : v.errors.front().code; }

// 2 8 0 0 1 0 1 0 1 2 3 -> weighted sum 4+8+0+0+7+0+10+0+8+8+6 = 51; 51 mod 11 = 7; 11-7 = 4.
constexpr const char* kValid = "280010101234";

TEST(CivilId, CheckDigitFollowsTheWeightedSum) {
    EXPECT_EQ(civil_id_check_digit("28001010123"), 4);
    // 2 9 0 0 1 0 1 0 0 0 0 -> 4+9+0+0+7+0+10 = 30; 30 mod 11 = 8; 11-8 = 3.
    EXPECT_EQ(civil_id_check_digit("29001010000"), 3);
}

TEST(CivilId, NoDigitCanCompleteSumsWithRemainderZeroOrOne) {
    // 3 0 0 0 1 0 1 0 0 0 0 -> 6+7+10 = 23; 23 mod 11 = 1 -> 11-1 = 10: no single digit.
    EXPECT_EQ(civil_id_check_digit("30001010000"), -1);
    // 2 0 0 0 1 0 1 0 0 0 1 -> 4+7+10+2 = 23 -> 10 as well.
    EXPECT_EQ(civil_id_check_digit("20001010001"), -1);
}

TEST(CivilId, AcceptsAValidNumber) {
    const Validation v = validate_civil_id(kValid);
    EXPECT_TRUE(v.ok);
    EXPECT_EQ(v.normalized, kValid);
    EXPECT_TRUE(v.errors.empty());
}

TEST(CivilId, NormalisesArabicDigitsSpacesAndDashes) {
    EXPECT_EQ(validate_civil_id("٢٨٠٠١٠١٠١٢٣٤").normalized, kValid);   // Arabic-Indic
    EXPECT_EQ(validate_civil_id("۲۸۰۰۱۰۱۰۱۲۳۴").normalized, kValid);   // Eastern Arabic-Indic
    EXPECT_EQ(validate_civil_id(" 2800-1010-1234 ").normalized, kValid);
    EXPECT_EQ(validate_civil_id("\u200F280010101234\u200F").normalized, kValid);  // pasted with RLMs
}

TEST(CivilId, ReportsTheFirstProblemWithAStableCode) {
    EXPECT_EQ(first_code(validate_civil_id("")), "civil_id.required");
    EXPECT_EQ(first_code(validate_civil_id("   ")), "civil_id.required");
    EXPECT_EQ(first_code(validate_civil_id("28001010123A")), "civil_id.not_digits");
    EXPECT_EQ(first_code(validate_civil_id("2800101012")), "civil_id.length");
    EXPECT_EQ(first_code(validate_civil_id("2800101012345")), "civil_id.length");
    EXPECT_EQ(first_code(validate_civil_id("480010101234")), "civil_id.century");
    EXPECT_EQ(first_code(validate_civil_id("280130101234")), "civil_id.birth_date");  // YYMMDD 801301: month 13
    EXPECT_EQ(first_code(validate_civil_id("280010101235")), "civil_id.check_digit");
    EXPECT_EQ(first_code(validate_civil_id(std::string("2800\xff" "10101234"))), "civil_id.invalid_encoding");
}

TEST(CivilId, BirthDateMustExistIncludingLeapDays) {
    // 2000-02-29 exists (2000 is a leap year); 1900-02-29 does not (1900 is not).
    EXPECT_EQ(civil_id_birth_date("300022900000"), (Date{2000, 2, 29}));
    EXPECT_EQ(civil_id_birth_date("200022900000"), std::nullopt);
    EXPECT_EQ(civil_id_birth_date("280010101234"), (Date{1980, 1, 1}));
    EXPECT_EQ(civil_id_birth_date("199123100000"), (Date{1899, 12, 31}));
}

TEST(CivilId, EveryMessageIsBilingual) {
    for (const char* input : {"", "x", "1", "480010101234", "280130101234", "280010101235"}) {
        const Validation v = validate_civil_id(input);
        ASSERT_EQ(v.errors.size(), 1u) << input;
        EXPECT_FALSE(v.errors[0].message.en.empty());
        EXPECT_FALSE(v.errors[0].message.ar.empty());
        EXPECT_NE(v.errors[0].message.en, v.errors[0].message.ar);
    }
}

TEST(CivilId, AMegabyteOfInputIsRejectedNotCrashed) {
    EXPECT_EQ(first_code(validate_civil_id(std::string(1 << 20, '7'))), "civil_id.length");
}

}  // namespace
}  // namespace muamala

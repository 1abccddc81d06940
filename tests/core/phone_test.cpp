#include "common/phone.h"

#include <gtest/gtest.h>

namespace muamala {
namespace {

std::string first_code(const Validation& v) { return v.errors.empty() ? "" : v.errors.front().code; }

TEST(Phone, AcceptsLocalAndInternationalForms) {
    EXPECT_EQ(validate_phone("91234567").normalized, "+96591234567");
    EXPECT_EQ(validate_phone("+965 9123 4567").normalized, "+96591234567");
    EXPECT_EQ(validate_phone("00965-5123-4567").normalized, "+96551234567");
    EXPECT_EQ(validate_phone("٦٥٠٠٠٠٠٠").normalized, "+96565000000");
    EXPECT_EQ(validate_phone("+٩٦٥ ٢٢٢٢ ٣٣٣٣").normalized, "+96522223333");  // landline
    EXPECT_EQ(validate_phone("41000000").normalized, "+96541000000");
}

TEST(Phone, RejectsWithSpecificCodes) {
    EXPECT_EQ(first_code(validate_phone("")), "phone.required");
    EXPECT_EQ(first_code(validate_phone("9123abcd")), "phone.not_digits");
    EXPECT_EQ(first_code(validate_phone("+965+91234567")), "phone.not_digits") << "+ may lead, nothing else";
    EXPECT_EQ(first_code(validate_phone("+966 512345678")), "phone.country_code");
    EXPECT_EQ(first_code(validate_phone("9123456")), "phone.length");
    EXPECT_EQ(first_code(validate_phone("+965 912345678")), "phone.length");
    EXPECT_EQ(first_code(validate_phone("11234567")), "phone.prefix");
    EXPECT_EQ(first_code(validate_phone("40000000")), "phone.prefix");  // 4 only as 41
    EXPECT_EQ(first_code(validate_phone("\xc3\x28")), "phone.invalid_encoding");
}

}  // namespace
}  // namespace muamala

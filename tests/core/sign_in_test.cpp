// The sign-in form's rules (common/sign_in.h), which the app and the server both apply.
#include "common/sign_in.h"

#include <gtest/gtest.h>

namespace muamala {
namespace {

TEST(SignInForm, APasswordIsRequiredAndAnyTextIsOneToTry) {
    const std::optional<Problem> missing = password_problem("");
    ASSERT_TRUE(missing.has_value());
    EXPECT_EQ(missing->code, "password.required");
    EXPECT_EQ(missing->field, "password");
    EXPECT_EQ(missing->message.ar, "أدخل كلمة المرور");
    EXPECT_FALSE(password_problem(" ").has_value()) << "a space is a character of a password";
    EXPECT_FALSE(password_problem("Fatima-6241-demo").has_value());
}

TEST(SignInForm, TheCodeIsSixDigitsWhateverDigitsAndSpacesTheyWereTypedWith) {
    EXPECT_EQ(read_sign_in_code("123456"), "123456");
    EXPECT_EQ(read_sign_in_code(" 123 456 "), "123456");
    EXPECT_EQ(read_sign_in_code("١٢٣٤٥٦"), "123456") << "Arabic-Indic digits, as an Arabic keyboard types them";
    EXPECT_EQ(read_sign_in_code("۱۲۳۴۵۶"), "123456") << "Eastern Arabic-Indic (Persian) digits";
    for (const char* wrong : {"", "12345", "1234567", "12345a", "12-34-56x", "\xff\xfe" "1234"})
        EXPECT_FALSE(read_sign_in_code(wrong).has_value()) << wrong;
    const Problem problem = code_format_problem();
    EXPECT_EQ(problem.code, "code.format");
    EXPECT_EQ(problem.field, "code");
    EXPECT_NE(problem.message.en.find("6-digit"), std::string::npos);
}

}  // namespace
}  // namespace muamala

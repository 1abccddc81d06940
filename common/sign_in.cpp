#include "common/sign_in.h"

#include "common/normalize.h"

namespace muamala {

std::optional<Problem> password_problem(std::string_view password) {
    if (!password.empty()) return std::nullopt;
    return Problem{"password.required", {"Enter your password", "أدخل كلمة المرور"}, "password"};
}

std::optional<std::string> read_sign_in_code(std::string_view typed) {
    const NormalizedInput code = normalize_number_input(typed);
    if (!code.valid_utf8 || code.text.size() != static_cast<std::size_t>(kSignInCodeDigits)) return std::nullopt;
    for (const char digit : code.text)
        if (digit < '0' || digit > '9') return std::nullopt;
    return code.text;
}

Problem code_format_problem() {
    return {"code.format",
            {"Enter the 6-digit code from your authenticator app", "أدخل الرمز المكوّن من 6 أرقام من تطبيق المصادقة"},
            "code"};
}

}  // namespace muamala

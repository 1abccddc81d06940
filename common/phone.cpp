#include "common/phone.h"

#include "common/left_to_right.h"
#include "common/normalize.h"

namespace muamala {
namespace {

Problem problem(const char* code) {
    struct Entry { const char* code; Text text; };
    // The examples are left-to-right runs in the Arabic messages, or "+965" shows as "965+".
    const Entry kMessages[] = {
        {"phone.required",
         {"Enter a phone number", "أدخل رقم الهاتف"}},
        {"phone.invalid_encoding",
         {"The phone number contains characters that could not be read. Type it again",
          "يحتوي رقم الهاتف على رموز غير مقروءة. أعد كتابته"}},
        {"phone.not_digits",
         {"Enter the phone number using digits only, like 9xxx xxxx or +965 9xxx xxxx",
          "أدخل رقم الهاتف بالأرقام فقط، مثل " + ltr("9xxx xxxx") + " أو " + ltr("+965 9xxx xxxx")}},
        {"phone.country_code",
         {"Enter a Kuwait number: 8 digits, or +965 followed by 8 digits",
          "أدخل رقمًا كويتيًا: 8 أرقام، أو " + ltr("+965") + " ثم 8 أرقام"}},
        {"phone.length",
         {"Enter the phone number as 8 digits after +965",
          "أدخل رقم الهاتف من 8 أرقام بعد " + ltr("+965")}},
        {"phone.prefix",
         {"A Kuwait number starts with 5, 6 or 9 (mobile), 41 (mobile) or 2 (landline). Check the number",
          "يبدأ الرقم الكويتي بـ 5 أو 6 أو 9 (نقال) أو 41 (نقال) أو 2 (أرضي). تحقق من الرقم"}},
    };
    for (const Entry& entry : kMessages)
        if (std::string_view(entry.code) == code) return {entry.code, entry.text};
    return {code, {code, code}};  // unreachable: every code above is listed
}

}  // namespace

Validation validate_phone(std::string_view input) {
    const NormalizedInput normalized = normalize_number_input(input);
    if (!normalized.valid_utf8) return rejected(problem("phone.invalid_encoding"));
    std::string_view number = normalized.text;
    if (number.empty()) return rejected(problem("phone.required"));

    bool international = false;
    if (number.starts_with('+')) { number.remove_prefix(1); international = true; }
    else if (number.starts_with("00")) { number.remove_prefix(2); international = true; }
    for (char c : number)
        if (c < '0' || c > '9') return rejected(problem("phone.not_digits"));
    if (international) {
        if (!number.starts_with("965")) return rejected(problem("phone.country_code"));
        number.remove_prefix(3);
    }
    if (number.size() != 8) return rejected(problem("phone.length"));
    const char first = number[0];
    const bool mobile = first == '5' || first == '6' || first == '9' || number.starts_with("41");
    if (!mobile && first != '2') return rejected(problem("phone.prefix"));
    return accepted("+965" + std::string(number));
}

}  // namespace muamala

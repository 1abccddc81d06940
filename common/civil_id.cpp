#include "common/civil_id.h"

#include "common/normalize.h"

namespace muamala {
namespace {

bool all_digits(std::string_view text) {
    for (char c : text)
        if (c < '0' || c > '9') return false;
    return true;
}

int two_digits(std::string_view text, size_t at) { return (text[at] - '0') * 10 + (text[at + 1] - '0'); }

Problem problem(const char* code) {
    // Each message says what to do, in plain words (docs/design.md, "How errors are shown").
    struct Entry { const char* code; Text text; };
    static const Entry kMessages[] = {
        {"civil_id.required",
         {"Enter the civil ID number", "أدخل الرقم المدني"}},
        {"civil_id.invalid_encoding",
         {"The civil ID contains characters that could not be read. Type it again",
          "يحتوي الرقم المدني على رموز غير مقروءة. أعد كتابته"}},
        {"civil_id.not_digits",
         {"Enter the civil ID using digits only", "أدخل الرقم المدني بالأرقام فقط"}},
        {"civil_id.length",
         {"Enter the civil ID as 12 digits", "أدخل الرقم المدني من 12 رقمًا"}},
        {"civil_id.century",
         {"The civil ID starts with 1, 2 or 3. Check the number on the card",
          "يبدأ الرقم المدني بـ 1 أو 2 أو 3. تحقق من الرقم على البطاقة"}},
        {"civil_id.birth_date",
         {"Digits 2 to 7 of the civil ID are a birth date (YYMMDD) that does not exist. Check the number on the card",
          "الخانات من 2 إلى 7 في الرقم المدني تاريخ ميلاد (سنة شهر يوم) غير موجود. تحقق من الرقم على البطاقة"}},
        {"civil_id.check_digit",
         {"This civil ID number is not valid. Check each digit against the card",
          "هذا الرقم المدني غير صحيح. قارن كل رقم بما على البطاقة"}},
        {"civil_id_serial.required",
         {"Enter the serial number printed on the civil ID card", "أدخل الرقم التسلسلي المطبوع على البطاقة المدنية"}},
        {"civil_id_serial.format",
         {"Enter the card's serial number as printed: 6 to 12 letters and digits",
          "أدخل الرقم التسلسلي كما هو مطبوع على البطاقة: من 6 إلى 12 حرفًا ورقمًا"}},
    };
    for (const Entry& entry : kMessages)
        if (std::string_view(entry.code) == code) return {entry.code, entry.text};
    return {code, {code, code}};  // unreachable: every code above is listed
}

}  // namespace

int civil_id_check_digit(std::string_view first_eleven_digits) {
    static constexpr int kWeights[11] = {2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    int sum = 0;
    for (int i = 0; i < 11; ++i) sum += (first_eleven_digits[i] - '0') * kWeights[i];
    const int digit = 11 - sum % 11;
    return digit >= 10 ? -1 : digit;
}

std::optional<Date> civil_id_birth_date(std::string_view normalized) {
    if (normalized.size() != 12 || !all_digits(normalized)) return std::nullopt;
    const int century = normalized[0] - '0';
    if (century < 1 || century > 3) return std::nullopt;
    const int year = 1700 + century * 100 + two_digits(normalized, 1);
    const int month = two_digits(normalized, 3), day = two_digits(normalized, 5);
    if (!is_real_date(year, month, day)) return std::nullopt;
    return Date{year, month, day};
}

Validation validate_civil_id(std::string_view input) {
    const NormalizedInput normalized = normalize_number_input(input);
    if (!normalized.valid_utf8) return rejected(problem("civil_id.invalid_encoding"));
    const std::string& digits = normalized.text;
    if (digits.empty()) return rejected(problem("civil_id.required"));
    if (!all_digits(digits)) return rejected(problem("civil_id.not_digits"));
    if (digits.size() != 12) return rejected(problem("civil_id.length"));
    if (digits[0] < '1' || digits[0] > '3') return rejected(problem("civil_id.century"));
    if (!civil_id_birth_date(digits)) return rejected(problem("civil_id.birth_date"));
    if (civil_id_check_digit(digits) != digits[11] - '0') return rejected(problem("civil_id.check_digit"));
    return accepted(digits);
}

Validation validate_civil_id_serial(std::string_view input) {
    const NormalizedInput normalized = normalize_number_input(input);
    if (!normalized.valid_utf8) return rejected(problem("civil_id_serial.format"));
    if (normalized.text.empty()) return rejected(problem("civil_id_serial.required"));
    std::string serial;
    for (const char c : normalized.text) {
        const bool letter = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
        if (!letter && (c < '0' || c > '9')) return rejected(problem("civil_id_serial.format"));
        serial += letter && c >= 'a' ? static_cast<char>(c - 'a' + 'A') : c;
    }
    if (serial.size() < 6 || serial.size() > 12) return rejected(problem("civil_id_serial.format"));
    return accepted(std::move(serial));
}

}  // namespace muamala

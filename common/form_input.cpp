#include "common/form_input.h"

#include "common/normalize.h"
#include "common/phone.h"

namespace muamala {

std::optional<int64_t> years_from_text(std::string_view typed) {
    const NormalizedInput years = normalize_number_input(typed);
    if (!years.valid_utf8) return -1;
    if (years.text.empty()) return std::nullopt;
    if (years.text.size() > 6) return -1;  // beyond any rulebook's term, and safe from overflow
    int64_t value = 0;
    for (char digit : years.text) {
        if (digit < '0' || digit > '9') return -1;
        value = value * 10 + (digit - '0');
    }
    return value;
}

std::string normalize_passport_text(std::string_view typed) {
    std::string text = normalize_number_input(typed).text;
    for (char& c : text)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    return text;
}

std::string normalize_date_text(std::string_view typed) {
    const NormalizedInput date = normalize_date_input(typed);
    return date.valid_utf8 ? date.text : std::string(typed);
}

namespace {

// A phone in its canonical form when it is one; as typed otherwise, so its problem can be named.
std::string normalize_phone_text(std::string_view typed) {
    const Validation phone = validate_phone(typed);
    return phone.ok ? phone.normalized : std::string(typed);
}

}  // namespace

void set_answer(TransactionForm& form, const FormField& field, std::string_view typed) {
    switch (field.type) {
        case FieldType::years: form.years = years_from_text(typed); break;
        case FieldType::phone: form.phone = normalize_phone_text(typed); break;
        case FieldType::passport_number: form.new_passport_number = normalize_passport_text(typed); break;
        case FieldType::country_code: form.new_passport_country = normalize_passport_text(typed); break;
        case FieldType::date: form.new_passport_expires = normalize_date_text(typed); break;
    }
}

TransactionForm normalize_form(TransactionForm form) {
    form.phone = normalize_phone_text(form.phone);
    form.new_passport_number = normalize_passport_text(form.new_passport_number);
    form.new_passport_country = normalize_passport_text(form.new_passport_country);
    form.new_passport_expires = normalize_date_text(form.new_passport_expires);
    return form;
}

}  // namespace muamala

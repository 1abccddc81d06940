#include "common/forms.h"

#include "common/form_input.h"
#include "common/phone.h"
#include "common/reasons.h"

namespace muamala {
namespace {

const FormField kYears{"years", FieldType::years, {"How many years?", "كم سنة؟"},
                       {"The fee is charged per year", "تُحتسب الرسوم عن كل سنة"}};
const FormField kPhone{"phone", FieldType::phone, {"Mobile number for the SMS", "رقم الهاتف النقال للرسالة النصية"},
                       {"We send an SMS when the document is ready", "نرسل رسالة نصية عند جاهزية الوثيقة"}};
const FormField kPassportNumber{"new_passport_number", FieldType::passport_number,
                                {"New passport number", "رقم الجواز الجديد"},
                                {"As printed on the passport's photo page", "كما هو مطبوع في صفحة الصورة في الجواز"}};
const FormField kPassportCountry{"new_passport_country", FieldType::country_code,
                                 {"Country that issued it", "الدولة المصدرة"},
                                 {"3-letter code, like EGY or IND", "رمز من 3 أحرف، مثل EGY أو IND"}};
const FormField kPassportExpires{"new_passport_expires", FieldType::date,
                                 {"New passport's expiry date", "تاريخ انتهاء الجواز الجديد"},
                                 {"For example 2031-05-20", "مثال: 2031-05-20"}};

bool is_upper_alpha(char c) { return c >= 'A' && c <= 'Z'; }
bool is_upper_alnum(char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

// One field's problems, on a form already normalised (form_input.h).
std::vector<Problem> check(const FormField& field, const TransactionRules& rules, const TransactionForm& form) {
    const std::string id(field.id);
    switch (field.type) {
        case FieldType::years: {
            if (!form.years) return {reason("form.years_missing", {}, id)};
            const int64_t max = rules.max_years.value;
            if (*form.years < 1 || *form.years > max) return {reason("form.years_range", {.number = max}, id)};
            return {};
        }
        case FieldType::phone: {
            Validation v = validate_phone(form.phone);
            for (Problem& problem : v.errors) problem.field = id;
            return v.errors;
        }
        case FieldType::passport_number: {
            const std::string& number = form.new_passport_number;
            bool ok = number.size() >= 6 && number.size() <= 12;
            for (char c : number) ok = ok && is_upper_alnum(c);
            return ok ? std::vector<Problem>{} : std::vector<Problem>{reason("form.passport_number", {}, id)};
        }
        case FieldType::country_code: {
            const std::string& code = form.new_passport_country;
            const bool ok = code.size() == 3 && is_upper_alpha(code[0]) && is_upper_alpha(code[1]) &&
                            is_upper_alpha(code[2]);
            return ok ? std::vector<Problem>{} : std::vector<Problem>{reason("form.passport_country", {}, id)};
        }
        case FieldType::date:
            if (!parse_iso_date(form.new_passport_expires)) return {reason("form.passport_expiry", {}, id)};
            return {};
    }
    return {};
}

}  // namespace

std::vector<FormField> form_fields(TransactionKind kind) {
    switch (kind) {
        case TransactionKind::renew_husband_residency:
        case TransactionKind::renew_child_residency:
        case TransactionKind::issue_newborn_residency:
            return {kYears, kPhone};
        case TransactionKind::renew_child_licence:
            return {kPhone};
        case TransactionKind::transfer_residency_passport:
            return {kPassportNumber, kPassportCountry, kPassportExpires, kPhone};
    }
    return {};
}

std::vector<Problem> validate_form_field(const FormField& field, const TransactionRules& rules,
                                         const TransactionForm& form) {
    return check(field, rules, normalize_form(form));
}

std::vector<Problem> validate_form(TransactionKind kind, const TransactionRules& rules, const TransactionForm& form) {
    std::vector<Problem> problems;
    const TransactionForm normalized = normalize_form(form);
    for (const FormField& field : form_fields(kind))
        for (Problem& problem : check(field, rules, normalized)) problems.push_back(std::move(problem));
    return problems;
}

}  // namespace muamala

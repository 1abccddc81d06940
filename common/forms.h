// The form each transaction asks the person to fill in, and its validation. The client's wizard asks
// these fields in this order; the server validates the same way before it decides.
#pragma once
#include <string_view>
#include <vector>

#include "common/decision.h"
#include "common/rulebook.h"

namespace muamala {

enum class FieldType {
    years,            // whole years, 1..the rulebook's max_years
    phone,            // Kuwait phone (validate_phone)
    passport_number,  // 6-12 letters and digits
    country_code,     // ISO 3166-1 alpha-3
    date,             // YYYY-MM-DD, after today
};

struct FormField {
    std::string_view id;  // key in TransactionForm and in the wire form object
    FieldType type;
    Text label;
    Text hint;
};

std::vector<FormField> form_fields(TransactionKind kind);

// Every problem with the form, each naming its field. Only the kind's fields are checked, each as
// normalize_form() (form_input.h) reads it, so a date in Arabic digits is judged as a date.
std::vector<Problem> validate_form(TransactionKind kind, const TransactionRules& rules, const TransactionForm& form);

// One field alone, for validation as the person types.
std::vector<Problem> validate_form_field(const FormField& field, const TransactionRules& rules,
                                         const TransactionForm& form);

}  // namespace muamala

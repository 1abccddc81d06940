// Typed text into form values. What a person types into a transaction's form (digits in Western,
// Arabic-Indic or Eastern Arabic-Indic script, stray spaces, the bidi marks Arabic text brings when
// pasted) becomes the value the rules judge. The app applies it as she types; evaluate() applies it
// again to whatever form it is given, so the server judges a form sent by any client the same way.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "common/forms.h"

namespace muamala {

// Whole years as typed, in any digit script: nullopt when nothing was typed, and -1 when the text
// is not a whole number ("abc", "1.5"), which the rules then refuse with their range message.
std::optional<int64_t> years_from_text(std::string_view typed);

// Passport numbers and country codes as stored: separators dropped, digits as ASCII, upper case.
std::string normalize_passport_text(std::string_view typed);

// A date as typed, ready for parse_iso_date: digits as ASCII, dashes of every kind as '-', spaces
// and bidi marks dropped. Text that is not UTF-8 comes back as typed, for the rules to refuse.
std::string normalize_date_text(std::string_view typed);

// `typed` as the value of `field` in `form`.
void set_answer(TransactionForm& form, const FormField& field, std::string_view typed);

// Every text answer of `form` as set_answer() writes it (a phone as +965..., when it is one).
// Normalising twice changes nothing.
TransactionForm normalize_form(TransactionForm form);

}  // namespace muamala

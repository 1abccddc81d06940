// Kuwait civil ID numbers (PACI): 12 digits = century digit + YYMMDD birth date + 4 serial digits
// + 1 check digit. The check digit rule follows django-localflavor's kw/utils.py (and is written out
// in docs/design.md, "Identifiers and typed input").
#pragma once
#include <optional>
#include <string_view>

#include "common/date.h"
#include "common/problem.h"

namespace muamala {

// Validates typed or pasted input (Arabic-Indic digits, spaces and dashes are accepted). On success
// `normalized` holds the 12 ASCII digits. Reports the first problem only: a check-digit complaint
// about a number of the wrong length would be noise.
Validation validate_civil_id(std::string_view input);

// The birth date embedded in a civil ID that validate_civil_id accepted (12 ASCII digits).
std::optional<Date> civil_id_birth_date(std::string_view normalized);

// The check digit for the first 11 digits, or -1 when no digit can complete them (10 or 11).
int civil_id_check_digit(std::string_view first_eleven_digits);

// The serial number printed on the civil ID card (a new card gets a new one; the number stays), as
// typed: Arabic-Indic digits, spaces and dashes accepted, letters in either case. On success
// `normalized` holds 6 to 12 upper-case ASCII letters and digits.
Validation validate_civil_id_serial(std::string_view input);

}  // namespace muamala

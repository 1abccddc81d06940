// Kuwait phone numbers: +965 then 8 digits; mobiles start 5, 6, 9 or 41, landlines 2
// (libphonenumber's KW metadata, docs/design.md).
#pragma once
#include <string_view>

#include "common/problem.h"

namespace muamala {

// Accepts "+965 9xxx xxxx", "00965-...", or the 8 local digits, in any digit script. On success
// `normalized` is E.164: "+965" followed by the 8 digits.
Validation validate_phone(std::string_view input);

}  // namespace muamala

// What the sign-in form's fields must hold, checked alike by the app (before anything is sent) and
// by the server (whatever is sent), so both say the same words. Whether the password and the code
// are right is the server's alone to say.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "common/problem.h"

namespace muamala {

inline constexpr int kSignInCodeDigits = 6;  // what authenticator apps show by default (RFC 6238)

// password.required when nothing was typed. Any other text is a password to try: its rules were
// the account's, when it was set.
std::optional<Problem> password_problem(std::string_view password);

// The one-time code as 6 ASCII digits, whatever digits (Arabic-Indic too) and spaces it was typed
// with; nullopt when it is not 6 digits.
std::optional<std::string> read_sign_in_code(std::string_view typed);
Problem code_format_problem();  // code.format: what to type instead

}  // namespace muamala

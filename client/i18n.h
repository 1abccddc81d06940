// The two languages of the app and every string it shows. Messages about a civil ID come from
// common/ (the same words the server sends); everything else is here, in both languages at once,
// so a missing translation cannot compile.
#pragma once
#include <string>
#include <string_view>

#include "common/problem.h"

namespace muamala::client {

enum class Language { English, Arabic };

inline const std::string& pick(const Text& text, Language language) {
    return language == Language::Arabic ? text.ar : text.en;
}

// `pattern` with its one "{}" replaced by `value`: digits, dates, codes, never translated, and always
// read left to right. The value goes in as a left-to-right isolate (U+2066 ... U+2069): without
// it the bidi algorithm lays out "1980-01-01" inside Arabic as "01-01-1980" (digits after Arabic
// letters are Arabic numbers, and a hyphen does not join those).
std::string fill(std::string_view pattern, std::string_view value);

namespace strings {
extern const Text app_name;            // the wordmark in the header
extern const Text title;               // page heading and document title
extern const Text language_name;       // each language's own name: the toggle shows the other one
extern const Text intro;
extern const Text civil_id_label;
extern const Text civil_id_format;     // the hint above the field
extern const Text civil_id_valid;      // "{}": the birth date the number carries
extern const Text check_button;
extern const Text checking;
extern const Text error_summary_title;
extern const Text server_accepted;     // "{}": the normalized civil ID
extern const Text server_rejected;
extern const Text server_unreachable;
extern const Text server_unexpected;   // "{}": the HTTP status
extern const Text load_failed;         // shown by the page itself when the app cannot start
extern const Text needs_webgl2;
}  // namespace strings

}  // namespace muamala::client

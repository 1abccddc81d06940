// Left-to-right runs inside text of either direction: a phone number, a masked civil ID, a receipt
// number or a code quoted in an Arabic sentence. The one helper the core's messages and the app's
// screens isolate such runs with.
#pragma once
#include <string>
#include <string_view>

namespace muamala {

// `value` as a left-to-right isolate (U+2066 ... U+2069). Without it the bidi algorithm lays out
// "1980-01-01" inside Arabic as "01-01-1980", "•••• 0001" as "0001 ••••" and "+965 9xxx xxxx" with
// its plus at the end (digits after Arabic letters are Arabic numbers, and neutral marks next to
// them take the sentence's direction). The isolate characters themselves are invisible.
std::string ltr(std::string_view value);

}  // namespace muamala

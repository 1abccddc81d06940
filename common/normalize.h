// Normalisation of typed or pasted numbers (civil IDs, phones, dates) before they are validated.
#pragma once
#include <string>
#include <string_view>

namespace muamala {

struct NormalizedInput {
    bool valid_utf8 = true;  // false: the bytes are not UTF-8; text is then empty
    std::string text;        // digits as ASCII, separators and invisible marks removed
};

// Maps Arabic-Indic (U+0660-0669) and Eastern Arabic-Indic (U+06F0-06F9) digits to ASCII, and drops
// the characters people type or paste between digits: spaces of every kind, dashes of every kind,
// and bidirectional marks (pasting from Arabic text brings U+200F and U+061C along). Every other
// character is kept, so the validator can say exactly what is wrong.
NormalizedInput normalize_number_input(std::string_view raw);

// The same for a date, whose dashes are part of it: every kind of dash becomes '-' and stays, so
// "٢٠٣١–٠٥–٢٠" reads "2031-05-20". Spaces and bidirectional marks go as above.
NormalizedInput normalize_date_input(std::string_view raw);

}  // namespace muamala

#include "common/normalize.h"

#include <cstdint>

namespace muamala {
namespace {

// Decodes one UTF-8 sequence at text[i]; returns its length, or 0 if it is not well-formed
// (overlong forms, surrogates and code points past U+10FFFF are rejected, as RFC 3629 requires).
size_t decode_utf8(std::string_view text, size_t i, char32_t& out) {
    const auto byte = [&](size_t k) { return static_cast<uint8_t>(text[k]); };
    const uint8_t lead = byte(i);
    if (lead < 0x80) { out = lead; return 1; }
    size_t length;
    char32_t min;
    if ((lead & 0xE0) == 0xC0) { length = 2; out = lead & 0x1F; min = 0x80; }
    else if ((lead & 0xF0) == 0xE0) { length = 3; out = lead & 0x0F; min = 0x800; }
    else if ((lead & 0xF8) == 0xF0) { length = 4; out = lead & 0x07; min = 0x10000; }
    else return 0;
    if (i + length > text.size()) return 0;
    for (size_t k = 1; k < length; ++k) {
        if ((byte(i + k) & 0xC0) != 0x80) return 0;
        out = (out << 6) | (byte(i + k) & 0x3F);
    }
    if (out < min || out > 0x10FFFF || (out >= 0xD800 && out <= 0xDFFF)) return 0;
    return length;
}

bool is_dash(char32_t c) {
    return c == U'-' || (c >= 0x2010 && c <= 0x2015) || c == 0x2212;  // hyphen, dashes, minus sign
}

bool is_separator(char32_t c) {
    if (is_dash(c)) return true;
    switch (c) {
        case U' ': case U'\t':
        case 0x00A0:                 // no-break space
        case 0x202F: case 0x3000:    // narrow no-break space, ideographic space
        case 0x200B:                 // zero-width space
        case 0x200E: case 0x200F:    // left-to-right and right-to-left marks
        case 0x061C:                 // Arabic letter mark
        case 0x202A: case 0x202B: case 0x202C: case 0x202D: case 0x202E:  // bidi embeddings
        case 0x2066: case 0x2067: case 0x2068: case 0x2069:              // bidi isolates
        case 0xFEFF:                 // byte-order mark
            return true;
        default:
            return c >= 0x2000 && c <= 0x200A;  // en quad .. hair space
    }
}

enum class Dashes { dropped, kept };

NormalizedInput normalize(std::string_view raw, Dashes dashes) {
    NormalizedInput result;
    result.text.reserve(raw.size() < 64 ? raw.size() : 64);
    for (size_t i = 0; i < raw.size();) {
        char32_t c;
        const size_t length = decode_utf8(raw, i, c);
        if (length == 0) return {false, {}};
        if (c >= 0x0660 && c <= 0x0669) result.text.push_back(static_cast<char>('0' + (c - 0x0660)));
        else if (c >= 0x06F0 && c <= 0x06F9) result.text.push_back(static_cast<char>('0' + (c - 0x06F0)));
        else if (dashes == Dashes::kept && is_dash(c)) result.text.push_back('-');
        else if (!is_separator(c)) result.text.append(raw.substr(i, length));
        i += length;
    }
    return result;
}

}  // namespace

NormalizedInput normalize_number_input(std::string_view raw) { return normalize(raw, Dashes::dropped); }

NormalizedInput normalize_date_input(std::string_view raw) { return normalize(raw, Dashes::kept); }

}  // namespace muamala

#include "client/text/bidi_text.h"

#include <fribidi.h>
#include <imgui.h>
#include <imgui_internal.h>  // ImTextCharFromUtf8, ImTextCharToUtf8

#include <algorithm>
#include <type_traits>
#include <utility>

namespace muamala::client {
namespace {

static_assert(std::is_same_v<FriBidiChar, std::uint32_t> && std::is_same_v<FriBidiCharType, std::uint32_t> &&
                  std::is_same_v<FriBidiParType, std::uint32_t> && std::is_same_v<FriBidiLevel, signed char>,
              "bidi_text.h spells out FriBidi's types: keep them the same");

// Mirrored brackets in right-to-left runs, Arabic presentation forms, and the mandatory lam-alef
// ligatures. Not FRIBIDI_FLAG_SHAPE_ARAB_CONSOLE: its ligatures (U+FC00-FDFF) are not in our font.
constexpr FriBidiFlags kShapeFlags =
    FRIBIDI_FLAG_SHAPE_MIRRORING | FRIBIDI_FLAG_SHAPE_ARAB_PRES | FRIBIDI_FLAG_SHAPE_ARAB_LIGA;

// Not FRIBIDI_FLAG_REORDER_NSM: Noto's Arabic marks (harakat) have no advance and draw to the right
// of the pen, that is over the glyph drawn next. Plain reversal of a right-to-left run puts each mark
// just before its letter in visual order, which is where it must be.
constexpr FriBidiFlags kReorderFlags = 0;

// Characters that steer the algorithm but have no glyph: FriBidi's filler for the second half of a
// lam-alef ligature (U+FEFF), zero-width spaces and joiners, bidi marks, embeddings and isolates.
bool is_invisible(FriBidiChar c) {
    return c == FRIBIDI_CHAR_FILL || (c >= 0x200B && c <= 0x200F) || (c >= 0x202A && c <= 0x202E) ||
           (c >= 0x2066 && c <= 0x2069) || c == 0x061C;
}

std::vector<FriBidiChar> decode_utf8(std::string_view text) {
    std::vector<FriBidiChar> out;
    out.reserve(text.size());
    const char* at = text.data();
    const char* const end = at + text.size();
    while (at < end) {
        unsigned int c = 0;
        at += ImTextCharFromUtf8(&c, at, end);  // invalid bytes come back as U+FFFD, one at a time
        out.push_back(c);
    }
    return out;
}

std::string encode_utf8(const FriBidiChar* begin, const FriBidiChar* end) {
    std::string out;
    out.reserve(static_cast<size_t>(end - begin) * 3);
    char buffer[5];
    for (const FriBidiChar* c = begin; c != end; ++c)
        if (!is_invisible(*c)) out += ImTextCharToUtf8(buffer, *c);
    return out;
}

float advance(const ImFont* font, FriBidiChar c) {
    if (is_invisible(c)) return 0.0f;
    return font->GetCharAdvance(static_cast<ImWchar>(c <= IM_UNICODE_CODEPOINT_MAX ? c : IM_UNICODE_CODEPOINT_INVALID));
}

// Greedy line breaking at spaces over text still in logical order. Returns [begin, end) ranges; a
// line broken at a space or newline leaves that character out. A word wider than a whole line (an
// address, a long number) is broken where the line is full.
std::vector<std::pair<int, int>> break_lines(const std::vector<FriBidiChar>& text, const ImFont* font, float wrap_width) {
    std::vector<std::pair<int, int>> lines;
    const int size = static_cast<int>(text.size());
    const float space_width = advance(font, ' ');
    int line_begin = 0;
    float line_width = 0.0f;
    for (int word_begin = 0;;) {
        int word_end = word_begin;
        float word_width = 0.0f;
        while (word_end < size && text[word_end] != ' ' && text[word_end] != '\n') word_width += advance(font, text[word_end++]);

        bool first_on_line = word_begin == line_begin;
        const float width = first_on_line ? word_width : line_width + space_width + word_width;
        if (!first_on_line && wrap_width > 0.0f && width > wrap_width) {
            lines.emplace_back(line_begin, word_begin - 1);  // word_begin - 1 is the space broken at
            line_begin = word_begin;
            line_width = word_width;
            first_on_line = true;
        } else {
            line_width = width;
        }
        if (first_on_line && wrap_width > 0.0f && word_width > wrap_width) {
            float piece_width = 0.0f;
            for (int c = word_begin; c < word_end; ++c) {
                const float a = advance(font, text[c]);
                if (piece_width + a > wrap_width && c > line_begin) {
                    lines.emplace_back(line_begin, c);
                    line_begin = c;
                    piece_width = 0.0f;
                }
                piece_width += a;
            }
            line_width = piece_width;
        }

        if (word_end >= size) {
            lines.emplace_back(line_begin, size);
            return lines;
        }
        if (text[word_end] == '\n') {
            lines.emplace_back(line_begin, word_end);
            line_begin = word_end + 1;
            line_width = 0.0f;
        }
        word_begin = word_end + 1;
    }
}

}  // namespace

BidiText::Paragraph& BidiText::paragraph(std::string_view logical, Direction base) {
    auto& cache = paragraphs_[base == Direction::RightToLeft ? 1 : 0];
    if (auto found = cache.find(logical); found != cache.end()) return found->second;

    Paragraph p;
    p.shaped = decode_utf8(logical);
    p.base = base == Direction::RightToLeft ? FRIBIDI_PAR_RTL : FRIBIDI_PAR_LTR;
    const auto size = static_cast<FriBidiStrIndex>(p.shaped.size());
    p.types.resize(p.shaped.size());
    p.levels.assign(p.shaped.size(), base == Direction::RightToLeft ? 1 : 0);
    if (size > 0) {
        std::vector<FriBidiBracketType> brackets(p.shaped.size());
        std::vector<FriBidiArabicProp> joining(p.shaped.size());
        fribidi_get_bidi_types(p.shaped.data(), size, p.types.data());
        fribidi_get_bracket_types(p.shaped.data(), size, p.types.data(), brackets.data());
        // Fails only when FriBidi cannot allocate; the text is then drawn unshaped, at the base level.
        if (fribidi_get_par_embedding_levels_ex(p.types.data(), brackets.data(), size, &p.base, p.levels.data()) != 0) {
            fribidi_get_joining_types(p.shaped.data(), size, joining.data());
            fribidi_join_arabic(p.types.data(), size, p.levels.data(), joining.data());
            fribidi_shape(kShapeFlags, p.levels.data(), size, joining.data(), p.shaped.data());
        }
    }
    return cache.emplace(std::string(logical), std::move(p)).first->second;
}

const std::vector<std::string>& BidiText::lines(std::string_view logical, Direction base, const ImFont* font, float wrap_width) {
    IM_ASSERT(font != nullptr && "BidiText needs the font the text will be drawn with: widths decide the line breaks");
    Paragraph& p = paragraph(logical, base);
    Layout& layout = p.layout;
    if (layout.font == font && layout.wrap_width == wrap_width) return layout.lines;

    layout.font = font;
    layout.wrap_width = wrap_width;
    layout.lines.clear();
    // fribidi_reorder_line reorders one line in place and rewrites that line's levels (rule L1), so
    // each layout starts from fresh copies.
    std::vector<FriBidiLevel> levels = p.levels;
    std::vector<FriBidiChar> visual = p.shaped;
    for (const auto& [begin, end] : break_lines(p.shaped, font, wrap_width)) {
        // Returns 0 only when FriBidi cannot allocate; the line then stays in logical order.
        if (end > begin)
            (void)fribidi_reorder_line(kReorderFlags, p.types.data(), end - begin, begin, p.base, levels.data(), visual.data(), nullptr);
        layout.lines.push_back(encode_utf8(visual.data() + begin, visual.data() + end));
    }
    return layout.lines;
}

const std::string& BidiText::line(std::string_view logical, Direction base, const ImFont* font) {
    return lines(logical, base, font, 0.0f).front();
}

void BidiText::clear_layouts() {
    for (auto& cache : paragraphs_)
        for (auto& [text, p] : cache) p.layout = Layout{};
}

}  // namespace muamala::client
